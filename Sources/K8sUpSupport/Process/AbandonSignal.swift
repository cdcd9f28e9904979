import Glibc
import Synchronization

/// A one-shot wake-up for a run's pipe readers: a socket pair whose write end is closed to make the
/// read end readable (end of file) for every thread polling it at once.
///
/// Both ends are close-on-exec from the start, so no other child process (started by k8sup or by
/// anything else in the process, such as a test harness) can hold a copy and keep it from firing.
final class AbandonSignal: Sendable {
    /// The end the readers poll.
    let descriptor: Int32
    private let writeEnd: Mutex<Int32>

    /// Nil when no socket pair can be made (out of file descriptors); `errno` says why.
    init?() {
        var ends: [Int32] = [-1, -1]
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &ends) == 0 else { return nil }
        descriptor = ends[0]
        writeEnd = Mutex(ends[1])
    }

    /// Wakes every reader; later calls do nothing.
    func fire() {
        writeEnd.withLock { end in
            if end >= 0 { close(end) }
            end = -1
        }
    }

    deinit {
        fire()
        close(descriptor)
    }
}
