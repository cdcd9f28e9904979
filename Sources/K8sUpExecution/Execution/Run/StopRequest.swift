import Synchronization

/// Ctrl-C during `apply`: the first one asks the executor to stop at the next safe point (the running
/// command finishes, the node is put back, the journal written, the lock released, exit 130); only a
/// second one cancels the running command. Other commands have no safe point and are cancelled at once.
package final class StopRequest: Sendable {
    /// The process-wide request `main.swift` sets from its SIGINT handler.
    package static let shared = StopRequest()

    private let state = Mutex<(requested: Bool, graceful: Bool)>((false, false))

    package init() {}

    /// Whether a running command can stop gracefully (an `apply` is executing).
    var acceptsGracefulStop: Bool { state.withLock { $0.graceful } }

    /// Asks for a graceful stop; false when nobody accepts one (the caller should cancel instead), or
    /// when a stop was already requested (the second Ctrl-C).
    package func request() -> Bool {
        state.withLock { state in
            guard state.graceful, !state.requested else { return false }
            state.requested = true
            return true
        }
    }

    var isRequested: Bool { state.withLock { $0.requested } }

    /// Marks the span in which a graceful stop is possible.
    package func acceptingGracefulStop<Result>(_ body: () async throws -> Result) async rethrows -> Result {
        state.withLock { $0.graceful = true }
        defer { state.withLock { $0.graceful = false } }
        return try await body()
    }
}

/// The run stops at a safe point because the operator asked (Ctrl-C).
struct StopRequested: Error, CustomStringConvertible {
    var description: String { "stopped as asked (Ctrl-C)" }
}
