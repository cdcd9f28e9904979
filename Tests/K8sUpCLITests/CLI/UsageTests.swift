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

/// Usage lines and help are generated from the option declarations, so they cannot drift from what
/// the parser accepts.
@Suite struct UsageTests {
    static let commands = CLI.commands.map { $0.spec }

    static let flag = Option.flag("fast", help: "Go fast.")
    static let paths = Option.repeatable("path", short: "p", .text("PATH"), help: "A path.")
    static let mode = Option.value("mode", .text("MODE"), help: "A mode.")
    static let slow = Option.flag("slow", help: "Go slow.")

    @Test func optionsShowAloneOrInsideTheRuleThatMentionsThemWhereItsFirstOptionIs() {
        let spec = CommandSpec(
            name: "demo", summary: "Demo.",
            sections: [OptionSection("Demo", [Self.paths, Self.flag, Self.mode, Self.slow])],
            rules: [.atMostOne(.option(Self.flag), .option(Self.slow))])
        #expect(HelpRenderer.usage(spec) == "usage: k8sup demo [-p PATH]... [--fast | --slow] [--mode MODE]")
        let required = CommandSpec(
            name: "demo", summary: "Demo.", sections: [OptionSection("Demo", [Self.paths, Self.flag, Self.mode])],
            rules: [
                .exactlyOne(
                    .sequence([.option(Self.flag), .optional(.operand("GROUP"))]), .option(Self.mode))
            ])
        #expect(HelpRenderer.usage(required, prefix: "") == "k8sup demo [-p PATH]... (--fast [GROUP] | --mode MODE)")
    }

    @Test func formsGiveOneLineEachWithTheirOwnOptions() {
        let spec = CommandSpec(
            name: "demo", summary: "Demo.", sections: [OptionSection("Demo", [Self.paths, Self.mode])],
            forms: [UsageForm("list", options: []), UsageForm("show", "NAME", options: [Self.mode])])
        #expect(HelpRenderer.usage(spec) == "usage: k8sup demo list\n       k8sup demo show NAME [--mode MODE]")
    }

    @Test func longUsageLinesWrapUnderTheFirstArgument() {
        let usage = HelpRenderer.usage(ApplyCommand.spec)
        let lines = usage.split(separator: "\n")
        #expect(lines.count > 2)
        #expect(lines.allSatisfy { $0.count <= HelpRenderer.width })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 19) + "[") })
        // Wrapping only moves whole terms: the words are those of one long line.
        let terms = ApplyCommand.spec.usageForms[0].map(\.text).joined(separator: " ")
        #expect(usage.split(whereSeparator: \.isWhitespace) == ("usage: k8sup apply " + terms).split(separator: " "))
        #expect(usage.contains("[--snapshot FILE | [--kubeconfig FILE] [--context NAME]]"))
    }

    @Test(arguments: commands)
    func everyOptionACommandAcceptsIsInItsUsageAndNothingElse(spec: CommandSpec) {
        let shown = spec.usageForms.flatMap { $0.flatMap(\.options) }.map(\.long)
        let accepted = spec.options.map(\.long)
        for option in accepted where option != "help" {
            #expect(shown.contains(option), "k8sup \(spec.name): --\(option) is missing from the usage")
        }
        for option in shown {
            #expect(
                accepted.contains(option), "k8sup \(spec.name): the usage shows --\(option), which it does not take")
        }
        // No option twice in one form.
        for form in spec.usageForms {
            let names = form.flatMap(\.options).map(\.long)
            #expect(Set(names).count == names.count, "k8sup \(spec.name): an option shows twice: \(names)")
        }
    }

    @Test func eachOptionIsTheSameEverywhereItIsUsed() {
        var first: [String: (command: String, option: OptionSpec)] = [:]
        for spec in Self.commands {
            #expect(Set(spec.options.map(\.long)).count == spec.options.count, "\(spec.name): a long name twice")
            let shorts = spec.options.compactMap(\.short)
            #expect(Set(shorts).count == shorts.count, "\(spec.name): a short name twice")
            for option in spec.options {
                guard let (command, earlier) = first[option.long] else {
                    first[option.long] = (spec.name, option)
                    continue
                }
                let same =
                    earlier.short == option.short && earlier.placeholder == option.placeholder
                    && earlier.help == option.help && earlier.defaultText == option.defaultText
                    && earlier.repeatable == option.repeatable
                #expect(same, "--\(option.long) differs between \(command) and \(spec.name)")
            }
        }
    }

    @Test func helpShowsEachDefaultFromTheDeclaration() throws {
        let help = HelpRenderer.command(ApplyCommand.spec).split(separator: "\n")
        func line(_ signature: String) throws -> Substring {
            try #require(help.first { $0.hasPrefix("  " + signature + " ") })
        }
        let readyTimeout = ExecutionSettings().nodeReadyTimeout.compactDescription
        #expect(try line("    --node-ready-timeout DURATION").hasSuffix("to be Ready (default: \(readyTimeout))."))
        #expect(
            try line("    --forks N").hasSuffix(
                "Nodes staged at the same time (default: \(ExecutionSettings().forks))."))
        #expect(try line("    --canary N").hasSuffix("Stop after the first N workers."))
        #expect(try line("-o, --output text|json").hasSuffix("Output format (default: text)."))
        #expect(HelpRenderer.optionHelp(Options.via.spec).hasSuffix("; repeatable)."))
    }

    @Test(arguments: commands)
    func helpListsEveryOptionUnderAHeadingAndTheGeneratedUsage(spec: CommandSpec) {
        let help = HelpRenderer.command(spec)
        #expect(help.hasPrefix(spec.summary + "\n\n" + HelpRenderer.usage(spec) + "\n\n"))
        for section in spec.sections {
            #expect(help.contains("\n" + section.title + ":\n"))
            for option in section.options { #expect(help.contains("  " + option.signature + " ")) }
        }
        for line in help.split(separator: "\n") where line.hasPrefix("  -") || line.hasPrefix("      --") {
            #expect(line.count <= HelpRenderer.width, "\(spec.name): \(line)")
        }
    }

    @Test func helpNeverSplitsACommandInBackticks() {
        #expect(
            HelpRenderer.words("Read `kubectl get nodes -o json` now.") == [
                "Read", "`kubectl get nodes -o json`", "now.",
            ])
        #expect(HelpRenderer.command(PlanCommand.spec).contains("`kubectl get nodes,pods,pdb -A -o json`"))
    }

    @Test func topLevelHelpListsEveryCommandFromItsSpec() async {
        let help = await runK8sup(["--help"]).output
        let width = (Self.commands.map(\.name.count).max() ?? 0) + 2
        for spec in Self.commands {
            #expect(help.contains("\n  " + spec.name.padding(to: width) + spec.summary + "\n"), "\(spec.name)")
        }
        #expect(help.contains("\n       " + HelpRenderer.generalUsage + "\n"))
    }
}

extension CommandSpec: CustomTestStringConvertible {
    public var testDescription: String { "k8sup \(name)" }
}
