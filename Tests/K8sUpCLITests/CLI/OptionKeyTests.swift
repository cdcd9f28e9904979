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

/// Options read through typed keys: the parser converts and checks every value once, by its declared
/// type, and refuses a bad one with a usage error naming the option.
@Suite struct OptionKeyTests {
    private func parse(_ arguments: [String], for spec: CommandSpec = ApplyCommand.spec) throws -> ParsedArguments {
        try ArgumentParser.parse(arguments, for: spec)
    }

    @Test func valuesComeBackAsTheirDeclaredTypes() throws {
        let parsed = try parse([
            "--to", "1.30.4", "--via", "v1.29.15", "--via=1.28.15", "--batch", "3", "--drain-timeout", "1m30s",
            "--drain-grace-period", "0", "-o", "json", "--dry-run", "--health-check", "curl -f x",
        ])
        #expect(parsed[Options.to] == KubeVersion(1, 30, 4))
        #expect(parsed[Options.via] == [KubeVersion(1, 29, 15), KubeVersion(1, 28, 15)])
        #expect(parsed[Options.batch] == .fixed(3))
        #expect(parsed[Options.drainTimeout] == .seconds(90))
        #expect(parsed[Options.drainGracePeriod] == 0)
        #expect(parsed[Options.output] == .json)
        #expect(parsed[Options.dryRun])
        #expect(parsed[Options.healthCheck] == "curl -f x")
        #expect(parsed.texts(Options.via) == ["v1.29.15", "1.28.15"])
    }

    @Test func absentOptionsReadAsTheirDeclaredDefaults() throws {
        let parsed = try parse([])
        #expect(parsed[Options.to] == nil && parsed[Options.drainTimeout] == nil && parsed[Options.canary] == nil)
        #expect(parsed[Options.via].isEmpty)
        #expect(!parsed[Options.dryRun] && !parsed.contains(Options.batch))
        // The defaults the rest of k8sup uses, not numbers repeated here.
        #expect(parsed[Options.batch] == nil && PlanOptions().batchSize == 1 && PlanOptions().autoBatch == nil)
        #expect(parsed[Options.forks] == ExecutionSettings().forks)
        #expect(parsed[Options.nodeReadyTimeout] == ExecutionSettings().nodeReadyTimeout)
        #expect(parsed[Options.stepTimeout] == ExecutionSettings().stepTimeout)
        #expect(parsed[Options.output] == .text)
        #expect(parsed[Options.kubectl] == "kubectl")
    }

    @Test(arguments: [
        (["--batch", "0"], "--batch must be a whole number of at least 1 or auto, not '0'"),
        (["--forks=many"], "--forks must be a whole number of at least 1, not 'many'"),
        (["--drain-grace-period", "-5"], "--drain-grace-period must be a whole number of at least 0, not '-5'"),
        (["--pause", "soon"], "--pause must be a duration such as 5m, 90s, 1h30m or 500ms, not 'soon'"),
        (["-o", "yaml"], "-o/--output must be text or json, not 'yaml'"),
        (["--to", "1.30.x"], "--to: \(VersionError.notAVersion("1.30.x"))"),
        (["--via", "v1.29.1", "--via", "latest"], "--via: \(VersionError.notAVersion("latest"))"),
        (["--dry-run", "--dry-run"], "option '--dry-run' given more than once"),
    ])
    func badValuesAreUsageErrorsNamingTheOption(arguments: [String], message: String) {
        #expect(throws: UsageError(message, command: "apply")) { try parse(arguments) }
    }

    @Test func aBadValueExits64WithTheCommandsUsage() async {
        let result = await runK8sup(["apply", "--dry-run", "--step-timeout", "forever"])
        #expect(result.code == .usage)
        #expect(
            result.error.hasPrefix(
                "k8sup: error: --step-timeout must be a duration such as 5m, 90s, 1h30m or 500ms, not 'forever'\n"
                    + "usage: k8sup apply [-i PATH]..."))
    }

    @Test(arguments: [PlanCommand.spec, ApplyCommand.spec])
    func planAndApplyAcceptVerbose(spec: CommandSpec) throws {
        #expect(try ArgumentParser.parse(["-v"], for: spec)[Options.verbose])
        #expect(try ArgumentParser.parse(["--verbose"], for: spec)[Options.verbose])
        #expect(try !ArgumentParser.parse([], for: spec)[Options.verbose])
        #expect(HelpRenderer.command(spec).contains("-v, --verbose"))
    }

    @Test func replacingValuesChecksThemLikeTypedOnes() throws {
        var parsed = try parse(["--batch", "2", "--to", "1.30.4"])
        try parsed.replace(Options.batch, with: ["4"])
        try parsed.replace(Options.to, with: [])
        #expect(parsed[Options.batch] == .fixed(4) && parsed.texts(Options.batch) == ["4"])
        #expect(parsed[Options.to] == nil && !parsed.contains(Options.to))
        #expect(throws: UsageError("--batch must be a whole number of at least 1 or auto, not 'x'", command: "apply")) {
            try parsed.replace(Options.batch, with: ["x"])
        }
    }
}

/// "Did you mean": one rule for commands and options.
@Suite struct NameSuggestionTests {
    @Test(arguments: [
        ("inventroy", "inventory"), ("aply", "apply"), ("stauts", "status"), ("lsit", "list"),
        ("list-host", "list-hosts"), ("dryrun", "dry-run"),
    ])
    func nearMissesGetTheClosestName(typed: String, expected: String) {
        let names =
            CLI.commands.map { $0.spec.name } + ApplyCommand.spec.options.map(\.long)
            + InventoryCommand.spec.options.map(\.long)
        #expect(NameSuggestion.closest(to: typed, among: names) == expected)
    }

    @Test func farMissesGetNoSuggestion() {
        #expect(NameSuggestion.closest(to: "upgrade", among: CLI.commands.map { $0.spec.name }) == nil)
        #expect(NameSuggestion.closest(to: "x", among: ["yes", "to"]) == nil)
        #expect(NameSuggestion.hint(for: "xyz", among: ["list"]) == "")
        #expect(NameSuggestion.hint(for: "lsit", among: ["list"], prefix: "--") == " (did you mean '--list'?)")
    }

    @Test func commandsAndOptionsUseTheSameRule() async {
        // Two letters missing: suggested for a command and an option of that length alike.
        let command = await runK8sup(["invntry"])
        #expect(command.error.contains("unknown command 'invntry' (did you mean 'inventory'?)"))
        let option = await runK8sup(["inventory", "--lst-hsts"])
        #expect(option.error.contains("unknown option '--lst-hsts' (did you mean '--list-hosts'?)"))
        // Two edits in a four-letter word are too many for either.
        #expect(await !runK8sup(["pl"]).error.contains("did you mean"))
        #expect(await !runK8sup(["inventory", "--ls"]).error.contains("did you mean"))
    }
}
