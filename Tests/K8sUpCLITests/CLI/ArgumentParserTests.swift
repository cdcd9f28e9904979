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

@Suite struct ArgumentParserTests {
    // Keys of their own, so these tests are about the parser and not about k8sup's options.
    static let paths = Option.repeatable("inventory", short: "i", .text("PATH"), help: "Inventory.")
    static let to = Option.value("to", .text("VERSION"), help: "Target.")
    static let list = Option.flag("list", help: "List.")
    static let yes = Option.flag("yes", short: "y", help: "Yes.")
    static let spec = CommandSpec(
        name: "demo", summary: "Demo.", sections: [OptionSection("Demo", [paths, to, list, yes])], maxPositionals: 1)

    @Test func acceptsSpaceAndEqualsFormsForLongOptions() async throws {
        let parsed = try ArgumentParser.parse(["--inventory", "a", "--inventory=b", "--to=v1.30.4"], for: Self.spec)
        #expect(parsed[Self.paths] == ["a", "b"])
        #expect(parsed[Self.to] == "v1.30.4")
    }

    @Test func acceptsShortOptionsAttachedDetachedAndBundled() async throws {
        let parsed = try ArgumentParser.parse(["-ia", "-i", "b", "-hy", "-i=c"], for: Self.spec)
        #expect(parsed[Self.paths] == ["a", "b", "c"])
        #expect(parsed[Self.yes] && parsed[Options.help])
        #expect(!parsed[Self.list])
    }

    @Test func keepsValuesThatLookLikePatternsAndStopsAtDoubleDash() async throws {
        let parsed = try ArgumentParser.parse(["--to", "all:!cp-1", "--", "--list"], for: Self.spec)
        #expect(parsed[Self.to] == "all:!cp-1")
        #expect(parsed.positionals == ["--list"])
        #expect(!parsed[Self.list])
    }

    @Test(arguments: [
        (["--lsit"], "unknown option '--lsit' (did you mean '--list'?)"),
        (["-x"], "unknown option '-x'"),
        (["--to"], "option '--to' needs a value"),
        (["-i", "--list"], "option '-i' needs a value, but is followed by option '--list'"),
        (["--to", "a", "--to", "b"], "option '--to' given more than once"),
        (["--list=yes"], "option '--list' takes no value"),
        (["a", "b"], "unexpected argument 'b'"),
    ])
    func rejectsBadCommandLinesNamingTheArgument(arguments: [String], message: String) async {
        #expect(throws: UsageError(message, command: "demo")) {
            try ArgumentParser.parse(arguments, for: Self.spec)
        }
    }
}

@Suite struct CLITests {
    @Test func printsTheVersion() async {
        let result = await runK8sup(["--version"])
        #expect(result.code == .ok)
        #expect(result.output == "k8sup \(CLI.version)\n")
    }

    @Test func usageErrorsExit64WithTheUsageLineAndAHint() async {
        let result = await runK8sup(["inventory", "--grpah"])
        #expect(result.code == .usage)
        #expect(result.error.contains("k8sup: error: unknown option '--grpah' (did you mean '--graph'?)"))
        #expect(result.error.contains("usage: k8sup inventory "))
        #expect(result.error.contains("Run 'k8sup inventory --help' for details."))
    }

    @Test func unknownCommandsAreUsageErrorsWithASuggestion() async {
        let result = await runK8sup(["inventroy"])
        #expect(result.code == .usage)
        #expect(result.error.contains("unknown command 'inventroy' (did you mean 'inventory'?)"))
    }

    @Test func eachCommandHasHelpListingItsOptions() async {
        let result = await runK8sup(["inventory", "--help"])
        #expect(result.code == .ok)
        #expect(result.output.contains("-i, --inventory PATH"))
        #expect(result.output.contains("-l, --limit PATTERN"))
        #expect(await runK8sup(["help", "inventory"]).output == result.output)
    }

    @Test func topLevelHelpListsCommandsAndExitCodes() async {
        let result = await runK8sup(["--help"])
        #expect(result.code == .ok)
        #expect(result.output.contains("inventory"))
        #expect(result.output.contains("64 usage error, 65 bad input data"))
    }

    @Test func noArgumentsShowsHelpOnStandardErrorAndExits64() async {
        let result = await runK8sup([])
        #expect(result.code == .usage)
        #expect(result.error.contains("usage: k8sup COMMAND"))
    }

    @Test func inventoryNeedsExactlyOneMode() async {
        let none = await runK8sup(["inventory", "-i", "x"])
        #expect(none.code == .usage)
        #expect(none.error.contains("choose what to show"))
        let two = await runK8sup(["inventory", "-i", "x", "--list", "--graph"])
        #expect(two.code == .usage)
        #expect(two.error.contains("--list and --graph cannot be combined"))
    }

    @Test func inventoryWithoutAPathOrEnvironmentIsAUsageError() async {
        let result = await runK8sup(["inventory", "--list"])
        #expect(result.code == .usage)
        #expect(result.error.contains("no inventory: pass -i PATH or set K8SUP_INVENTORY"))
    }

    @Test func theEnvironmentVariableSuppliesTheDefaultInventory() async {
        let path = TestPaths.inventories + "/legacy/inventory.ini"
        let viaEnvironment = await runK8sup(["inventory", "--graph"], environment: ["K8SUP_INVENTORY": path])
        #expect(viaEnvironment.code == .ok)
        let viaFlag = await runK8sup(["inventory", "--graph", "-i", path])
        #expect(viaEnvironment.output == viaFlag.output)
        #expect(viaEnvironment.output.contains("@kube-master:"))
    }

    @Test func aMissingInventoryIsBadInputNamingThePath() async {
        let result = await runK8sup(["inventory", "--list", "-i", "/nonexistent/inv.ini"])
        #expect(result.code == .dataError)
        #expect(
            result.error == "k8sup: error: cannot read inventory '/nonexistent/inv.ini': no such file or directory\n")
    }
}
