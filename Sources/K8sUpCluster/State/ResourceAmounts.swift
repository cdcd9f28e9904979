/// CPU and memory as Kubernetes counts them: what pods request and what nodes can give (allocatable).
/// CPU in millicores, memory in bytes, so sums stay exact.
package struct ResourceAmounts: Sendable, Equatable {
    package var cpuMillis: Int
    package var memoryBytes: Int

    package init(cpuMillis: Int = 0, memoryBytes: Int = 0) {
        self.cpuMillis = cpuMillis
        self.memoryBytes = memoryBytes
    }

    package static let zero = ResourceAmounts()

    /// The CPU and memory of a `requests` or `allocatable` map (`{"cpu": "250m", "memory": "1Gi"}`);
    /// what is absent or does not parse counts as nothing.
    package init(_ map: [String: KubeQuantity]?) {
        cpuMillis = map?["cpu"]?.milliValue ?? 0
        memoryBytes = map?["memory"]?.wholeValue ?? 0
    }

    package static func + (lhs: ResourceAmounts, rhs: ResourceAmounts) -> ResourceAmounts {
        ResourceAmounts(cpuMillis: lhs.cpuMillis + rhs.cpuMillis, memoryBytes: lhs.memoryBytes + rhs.memoryBytes)
    }

    package static func - (lhs: ResourceAmounts, rhs: ResourceAmounts) -> ResourceAmounts {
        ResourceAmounts(cpuMillis: lhs.cpuMillis - rhs.cpuMillis, memoryBytes: lhs.memoryBytes - rhs.memoryBytes)
    }

    package static func += (lhs: inout ResourceAmounts, rhs: ResourceAmounts) { lhs = lhs + rhs }

    /// The larger of each amount (a pod's init containers run before its containers, one at a time).
    package func atLeast(_ other: ResourceAmounts) -> ResourceAmounts {
        ResourceAmounts(cpuMillis: max(cpuMillis, other.cpuMillis), memoryBytes: max(memoryBytes, other.memoryBytes))
    }

    /// Nothing below zero (a node whose pods request more than it has has no room, not negative room).
    package var clampedAtZero: ResourceAmounts {
        ResourceAmounts(cpuMillis: max(0, cpuMillis), memoryBytes: max(0, memoryBytes))
    }

    /// `12 CPU`, `2.5 CPU`, `250m CPU`.
    package static func cpuText(_ millis: Int) -> String {
        if millis % 1000 == 0 { return "\(millis / 1000) CPU" }
        if millis < 1000 { return "\(millis)m CPU" }
        return trimmed(Double(millis) / 1000) + " CPU"
    }

    /// `512Mi`, `31.5Gi` memory, in the binary units kubectl shows.
    package static func memoryText(_ bytes: Int) -> String {
        let units: [(String, Double)] = [
            ("Ti", 1_099_511_627_776), ("Gi", 1_073_741_824), ("Mi", 1_048_576), ("Ki", 1024),
        ]
        for (suffix, size) in units where Double(bytes) >= size {
            return trimmed(Double(bytes) / size) + suffix + " memory"
        }
        return "\(bytes) bytes of memory"
    }

    /// One decimal at most, none when whole: `9.5`, `12`.
    private static func trimmed(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? "\(Int(tenths / 10))" : "\(tenths / 10)"
    }
}
