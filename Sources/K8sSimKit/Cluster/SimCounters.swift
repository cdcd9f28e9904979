/// What k8sim counts on its own side while a run goes on, so a benchmark or a test can tell whether
/// the upgrade disturbed the workloads: evictions a PodDisruptionBudget refused (HTTP 429), and pods a
/// controller recreated that fitted on no schedulable node (Pending for lack of capacity). Served at
/// `GET /k8sim/v1/counters`; seeding does not count.
package struct SimCounters: Codable, Sendable, Equatable {
    /// Evictions refused with 429 because of a budget.
    package var refusedEvictions = 0
    /// The same, by budget (`namespace/name`).
    package var refusedByBudget: [String: Int] = [:]
    /// Replacement pods that found no node with room when they were created (each counted once).
    package var pendingForCapacity = 0
    /// Those pods, `namespace/name`, in the order they were counted (the first 100).
    package var pendingPods: [String] = []

    package init() {}
}
