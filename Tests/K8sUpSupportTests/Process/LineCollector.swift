import K8sUpTestSupport
import Synchronization

@testable import K8sUpSupport

/// Keeps the lines a runner's output sink receives, per stream.
final class LineCollector: Sendable {
    private let chunks = Mutex<[OutputChunk]>([])

    var sink: @Sendable (OutputChunk) -> Void {
        { [self] chunk in chunks.withLock { $0.append(chunk) } }
    }

    func lines(_ source: OutputChunk.Source) -> [String] {
        chunks.withLock { $0.filter { $0.source == source }.map(\.line) }
    }
}

/// `/bin/sh -c script` with a timeout: how the runner tests describe their children. The default
/// timeout is for children that end by themselves: far longer than a loaded machine needs to run them.
func shell(_ script: String, timeout: Duration = .seconds(120), outputLimit: OutputLimit = .default) -> Command {
    Command("/bin/sh", ["-c", script], timeout: timeout, outputLimit: outputLimit)
}
