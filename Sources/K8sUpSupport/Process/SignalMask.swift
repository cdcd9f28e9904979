import Glibc

/// The calling thread's signal mask, which a child started by `posix_spawn` (and so by
/// `Foundation.Process`) inherits.
enum SignalMask {
    /// Runs `body` with no signal blocked on this thread, then restores the mask.
    ///
    /// Dispatch and Swift concurrency threads block almost every signal; a child started from one
    /// would ignore the SIGTERM k8sup sends on timeout or Ctrl-C (swift-corelibs-foundation #4772).
    static func withNoSignalsBlocked<Result>(_ body: () throws -> Result) rethrows -> Result {
        var none = sigset_t()
        var saved = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        return try body()
    }
}
