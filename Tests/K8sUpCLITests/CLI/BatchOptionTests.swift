import K8sUpTestSupport
import Testing

@testable import K8sUpCLI
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// `--batch N|auto`, the inventory's `k8sup_batch`, `--max-unavailable` and `--batch-across-zones`
/// into the plan's options.
@Suite struct BatchOptionTests {
    func options(_ arguments: [String], inventoryBatch: String? = nil) throws -> PlanOptions {
        let parsed = try ArgumentParser.parse(arguments, for: PlanCommand.spec)
        var settings = InventorySettings()
        settings.batch = inventoryBatch
        return try PlanningSession.planOptions(parsed.planningRequest, settings: settings)
    }

    @Test func autoTakesTheLimitsGivenWithIt() throws {
        let auto = try options(["--batch", "auto", "--max-unavailable", "3", "--batch-across-zones"])
        #expect(auto.autoBatch == AutoBatchOptions(maxUnavailable: .count(3), acrossZones: true))
        #expect(try options(["--batch", "auto"]).autoBatch == AutoBatchOptions())
        #expect(try options(["--batch", "auto", "--max-unavailable", "35%"]).autoBatch?.maxUnavailable == .percent(35))
    }

    @Test func theInventorysBatchAppliesWhenTheCommandLineSetsNone() throws {
        #expect(try options([], inventoryBatch: "auto").autoBatch == AutoBatchOptions())
        #expect(try options([], inventoryBatch: "4").batchSize == 4)
        let overridden = try options(["--batch", "2"], inventoryBatch: "auto")
        #expect(overridden.batchSize == 2 && overridden.autoBatch == nil)
        #expect(
            throws: RequestError.badInventoryBatch("lots")
        ) {
            try options([], inventoryBatch: "lots")
        }
    }

    @Test func theAutoLimitsWithoutAutoAreAMistake() {
        #expect(throws: RequestError.batchShapingWithoutAuto(option: "max-unavailable", size: 1)) {
            try options(["--max-unavailable", "2"])
        }
        #expect(throws: RequestError.batchShapingWithoutAuto(option: "batch-across-zones", size: 3)) {
            try options(["--batch", "3", "--batch-across-zones"])
        }
    }

    @Test(arguments: ["0", "0%", "101%", "x", "-1"])
    func maxUnavailableIsACountOrAPercentage(text: String) {
        #expect(throws: UsageError.self) { try options(["--batch", "auto", "--max-unavailable", text]) }
    }

    @Test func aPercentageRoundsDownButNeverBelowOne() {
        #expect(NodeShare.percent(20).nodes(of: 22) == 4)
        #expect(NodeShare.percent(20).nodes(of: 3) == 1)
        #expect(NodeShare.count(5).nodes(of: 3) == 5)
    }
}
