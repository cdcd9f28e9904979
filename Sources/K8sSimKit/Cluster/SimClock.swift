import Foundation

/// Where the simulated cluster's time comes from: the wall clock when serving, a manual clock in tests.
package protocol SimClock: Sendable {
    func now() -> Date
}

/// The wall clock.
package struct SystemClock: SimClock {
    package init() {}

    package func now() -> Date { Date() }
}

/// A clock that moves only when a test advances it.
package final class ManualClock: SimClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    package init(start: Date = Date(timeIntervalSince1970: 1_750_000_000)) {
        current = start
    }

    package func now() -> Date {
        lock.withLock { current }
    }

    package func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}
