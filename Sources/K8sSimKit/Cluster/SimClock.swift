import Foundation

/// Where the simulated cluster's time comes from: the wall clock when serving, a manual clock in tests.
public protocol SimClock: Sendable {
    func now() -> Date
}

/// The wall clock.
public struct SystemClock: SimClock {
    public init() {}

    public func now() -> Date { Date() }
}

/// A clock that moves only when a test advances it.
public final class ManualClock: SimClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(start: Date = Date(timeIntervalSince1970: 1_750_000_000)) {
        current = start
    }

    public func now() -> Date {
        lock.withLock { current }
    }

    public func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}
