import K8sUpPlanning
import K8sUpUseCases

/// The typed requests the use cases take, built from a command line whose values the parser already
/// checked. Options a command does not declare read as their defaults.
extension ParsedArguments {
    /// `-i` and `--limit`.
    var inventoryChoice: InventoryChoice {
        InventoryChoice(paths: self[Options.inventory], limits: self[Options.limit])
    }

    /// `--snapshot`, `--kubeconfig`, `--context` and `--kubectl`.
    var clusterAccess: ClusterAccess {
        ClusterAccess(
            snapshot: self[Options.snapshot], kubeconfig: self[Options.kubeconfig], context: self[Options.context],
            kubectl: self[Options.kubectl])
    }

    /// What shapes a plan (`plan`, `apply`), with how pre-flight reaches the nodes.
    var planningRequest: PlanningRequest {
        var request = PlanningRequest()
        request.inventory = inventoryChoice
        request.cluster = clusterAccess
        request.options = PlanOptions(
            target: self[Options.to], via: self[Options.via], healthCheck: self[Options.healthCheck])
        request.batching = self[Options.batch]
        request.maxUnavailable = self[Options.maxUnavailable]
        request.batchAcrossZones = self[Options.batchAcrossZones]
        request.apiRetryBudget = self[Options.apiRetryBudget]
        request.playbook = self[Options.playbook]
        request.stateDirectory = self[Options.stateDir]
        request.stepTimeout = self[Options.stepTimeout]
        request.forks = self[Options.forks]
        return request
    }

    var planRequest: PlanRequest {
        var request = PlanRequest()
        request.planning = planningRequest
        request.output = self[Options.output]
        request.verbose = self[Options.verbose]
        request.savePath = self[Options.out]
        return request
    }

    /// `apply`'s own settings, beyond the plan's (those both use are in `planningRequest`).
    var applySettings: ApplySettings {
        var settings = ApplySettings()
        settings.drainTimeout = self[Options.drainTimeout]
        settings.drainGracePeriod = self[Options.drainGracePeriod]
        settings.eventsPath = self[Options.events]
        settings.execution.nodeReadyTimeout = self[Options.nodeReadyTimeout]
        settings.execution.disableEvictionFallback = self[Options.disableEvictionFallback]
        settings.execution.canary = self[Options.canary]
        settings.execution.pause = self[Options.pause] ?? settings.execution.pause
        settings.execution.verifyInterval = self[Options.verifyInterval]
        return settings
    }

    /// `apply`: with `--plan FILE`, the saved plan is loaded and its target, hops, limit and batch size
    /// replace the command line's (which must not contradict them).
    func applyRequest(command: String) throws -> ApplyRequest {
        var request = ApplyRequest()
        request.savedPlan = try self[Options.plan].map { path throws(SavedPlanError) in try SavedPlan.load(path: path) }
        request.planning = try request.savedPlan?.arguments(self, command: command).planningRequest ?? planningRequest
        request.settings = applySettings
        request.dryRun = self[Options.dryRun]
        request.assumeYes = self[Options.yes]
        request.confirmEach = self[Options.confirmEach]
        request.output = self[Options.output]
        request.verbose = self[Options.verbose]
        return request
    }

    var statusRequest: StatusRequest {
        var request = StatusRequest()
        request.inventory = inventoryChoice
        request.stateDirectory = self[Options.stateDir]
        request.cluster = clusterAccess
        request.output = self[Options.output]
        return request
    }

    var unlockRequest: UnlockRequest {
        var request = UnlockRequest()
        request.inventory = inventoryChoice
        request.cluster = clusterAccess
        request.stateDirectory = self[Options.stateDir]
        request.assumeYes = self[Options.yes]
        return request
    }
}
