extension ClusterReadError {
    /// Runs `read`; when kubectl has no configuration and the inventory is one of k8sup's samples
    /// (`Inventories/sim`, `Inventories/sample`), the error also says how to start the simulated cluster.
    package static func withSampleHint<Result>(inventories: [String], _ read: () async throws -> Result) async throws
        -> Result
    {
        do {
            return try await read()
        } catch let error as ClusterReadError {
            guard inventories.contains(where: isSample) else { throw error }
            throw error.withSampleHint(sampleHint)
        }
    }

    /// How to run k8sup's sample cluster in k8sim (the README's "Try it without a cluster").
    static let sampleHint = """
        This is one of k8sup's sample inventories: to try it without a real cluster, start the simulated one \
        (README, "Try it without a cluster"):
          .build/debug/k8sim serve -i Inventories/sim --scenario Inventories/sim.scenario.yaml --state /tmp/k8sim &
          export KUBECONFIG=/tmp/k8sim/kubeconfig
          .build/debug/k8sup plan -i Inventories/sim -i /tmp/k8sim/inventory.yaml
        """

    /// `…/Inventories/sim` or `…/Inventories/sample` (or a file in one).
    static func isSample(_ path: String) -> Bool {
        let parts = path.split(separator: "/").filter { $0 != "." }
        guard let index = parts.lastIndex(where: { $0 == "Inventories" }), index + 1 < parts.count else {
            return false
        }
        return ["sim", "sample"].contains(parts[index + 1])
    }
}
