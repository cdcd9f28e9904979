import K8sUpCluster

/// `--batch auto` over a cluster state: measures each worker's drain, packs them (`BatchPacker`) and
/// numbers and explains the batches as the plan carries them. The one entry point the planner and the
/// executor's re-packing between batches share, so both group by the same rules.
package enum AutoBatches {
    /// - Parameters:
    ///   - workers: The workers to pack, in order (inventory order, or the plan's order when re-packing).
    ///   - hopWorkers: All workers of the hop, what a `--max-unavailable` percentage is taken of.
    ///   - zones: The inventory's `k8sup_zone` by node name.
    ///   - canaryFirst: The first worker goes alone (false when re-packing a hop already under way).
    ///   - firstNumber: The number of the first batch.
    package static func pack(
        workers: [String], hopWorkers: Int, cluster: ClusterState, zones: [String: String],
        options: AutoBatchOptions, canaryFirst: Bool, firstNumber: Int = 1
    ) -> (batches: [UpgradePlan.Batch], limit: Int) {
        let limit = options.maxUnavailable.nodes(of: hopWorkers)
        let packer = BatchPacker(
            ground: BatchingGround(cluster: cluster), limit: limit, limitSetting: options.maxUnavailable.description,
            acrossZones: options.acrossZones)
        let footprints = workers.map { DrainFootprint(node: $0, cluster: cluster, inventoryZone: zones[$0]) }
        let packed = packer.pack(footprints, canaryFirst: canaryFirst)
        // A cluster without zones is one zone; the plan does not name it on every batch.
        let zoned = footprints.contains { !$0.zone.isEmpty }
        let batches = packed.enumerated().map { offset, batch in
            UpgradePlan.Batch(
                number: firstNumber + offset, zone: zoned ? batch.zone.map(BatchReason.zoneName) : nil,
                nodes: batch.nodes,
                reasons: batch.reasons.map {
                    UpgradePlan.BatchNote(node: $0.node, kind: $0.reason.kind, reason: $0.reason.description)
                })
        }
        return (batches, limit)
    }
}
