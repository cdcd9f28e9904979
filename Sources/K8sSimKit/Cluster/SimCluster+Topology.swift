import K8sUpReaders
import PythonParity

/// Zones and node sizes from a scenario, and the counters a run reads.
extension SimCluster {
    /// Labels each node in `zones` with `topology.kubernetes.io/zone`, and gives every worker
    /// `allocatable` (`cpu`, `memory`) when set.
    func applyTopology(zones: [String: String], allocatable: [String: String]) {
        read { data in
            for node in data.list(.nodes) {
                let name = node.objectName
                let worker = node[["metadata", "labels", ObjectFactory.controlPlaneLabel]] == nil
                data.update(.nodes, "", name) { node in
                    if let zone = zones[name] {
                        node[["metadata", "labels", "topology.kubernetes.io/zone"]] = .string(zone)
                    }
                    if worker {
                        for (resource, amount) in allocatable.sorted(by: { $0.key < $1.key }) {
                            node[["status", "allocatable", resource]] = .string(amount)
                            node[["status", "capacity", resource]] = .string(amount)
                        }
                    }
                }
            }
        }
    }

    /// Evictions refused by a budget and pods left Pending for lack of room since seeding.
    package var counters: SimCounters { read { $0.counters } }

    /// Starts counting afresh.
    package func resetCounters() {
        read { $0.counters = SimCounters() }
    }
}
