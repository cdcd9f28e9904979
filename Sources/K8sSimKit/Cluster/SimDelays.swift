/// How long the simulated controllers and nodes take, in seconds; all zero for fast tests.
package struct SimDelays: Sendable, Equatable {
    /// From an eviction to the replacement pod existing on another node.
    package var podReschedule: Double
    /// From a pod being scheduled to it turning Ready.
    package var podStart: Double
    /// From a kubelet (re)start to its node turning Ready.
    package var kubeletStart: Double
    /// Added to every apiserver request.
    package var apiLatency: Double
    /// Added to every command the node stand-ins run (`NodeFaults.commandDelaySeconds`).
    package var command: Double
    /// Fetching packages that were not downloaded before (staging takes it; an install of staged packages
    /// does not).
    package var download: Double

    package init(
        podReschedule: Double = 0, podStart: Double = 0, kubeletStart: Double = 0, apiLatency: Double = 0,
        command: Double = 0, download: Double = 0
    ) {
        self.podReschedule = podReschedule
        self.podStart = podStart
        self.kubeletStart = kubeletStart
        self.apiLatency = apiLatency
        self.command = command
        self.download = download
    }

    package static let zero = SimDelays()

    /// Every delay multiplied by `factor`: a realistic scenario run ten times faster with 0.1.
    package func scaled(by factor: Double) -> SimDelays {
        SimDelays(
            podReschedule: podReschedule * factor, podStart: podStart * factor, kubeletStart: kubeletStart * factor,
            apiLatency: apiLatency * factor, command: command * factor, download: download * factor)
    }
}
