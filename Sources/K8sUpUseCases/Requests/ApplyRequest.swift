/// `apply`: what to plan, how to run it, and whether to only print the commands.
package struct ApplyRequest: Sendable {
    /// The plan to make (with a saved plan: its target, hops, limit and batch size already in place).
    package var planning = PlanningRequest()
    /// The run's own settings: drain and readiness timeouts, canary, pause, events.
    package var settings = ApplySettings()
    /// A plan saved by `plan --out` and reviewed: applied only if planning again gives the same.
    package var savedPlan: SavedPlan?
    /// Print every command in order and change nothing.
    package var dryRun = false
    /// Go ahead without asking.
    package var assumeYes = false
    /// Ask before each node (needs a terminal).
    package var confirmEach = false
    package var output = OutputFormat.text
    package var verbose = false

    package init() {}

    /// `settings` with what the run shares with planning taken from `planning`, the one place it is set:
    /// pre-flight reaches the nodes as the run will, and the health check is the reviewed plan's.
    var runSettings: ApplySettings {
        var run = settings
        run.execution.forks = planning.forks
        run.execution.stepTimeout = planning.stepTimeout
        run.execution.healthCheck = planning.options.healthCheck
        return run
    }
}
