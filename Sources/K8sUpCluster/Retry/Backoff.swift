/// The waits between the attempts of a retried operation: capped exponential backoff with jitter.
/// By default 1 s, 2 s, 4 s, 8 s, then 15 s each time, each made up to 20 % shorter or longer at random,
/// so that several runs (or several nodes of one run) retrying at once do not hit the apiserver together.
package struct Backoff: Sendable, Equatable {
    package init(first: Duration = .seconds(1), cap: Duration = .seconds(15), jitter: Double = 0.2) {
        self.first = first
        self.cap = cap
        self.jitter = jitter
    }

    /// The wait before the first retry.
    package var first: Duration
    /// The longest wait, before jitter.
    var cap: Duration
    /// The largest share of a wait the jitter adds or takes away (0.2: ±20 %).
    var jitter: Double

    /// The wait before retry number `retry` (1 for the first), `unit` (in 0..<1) choosing the jitter:
    /// 0 takes the shortest wait, 0.5 the wait itself, values near 1 the longest.
    package func delay(beforeRetry retry: Int, unit: Double) -> Duration {
        var wait = first
        for _ in 1..<max(retry, 1) where wait < cap { wait *= 2 }
        let capped = min(wait, cap).timeInterval
        let factor = 1 + jitter * (2 * min(max(unit, 0), 1) - 1)
        return .milliseconds(Int64((capped * factor * 1000).rounded()))
    }
}

/// Where the jitter of a backoff comes from: the system's generator in a run, a fixed sequence in tests.
package protocol RandomSource: Sendable {
    /// A value in 0..<1.
    func unit() -> Double
}

/// The system's random number generator.
package struct SystemRandomSource: RandomSource {
    package init() {}

    package func unit() -> Double { Double.random(in: 0..<1) }
}
