import Foundation
import K8sUpCluster
import K8sUpExecution
import K8sUpInventory
import K8sUpPlanning
import K8sUpSupport
import K8sUpUseCases

/// The entry point `main.swift` calls: picks the subcommand, parses its arguments, runs it, and turns
/// every error into a message on standard error and an exit code (the only place that does so).
package enum CLI {
    package static let version = ProductVersion.current

    static var commands: [any Subcommand.Type] {
        [
            PlanCommand.self, ApplyCommand.self, StatusCommand.self, UnlockCommand.self, InventoryCommand.self,
            PlaybookCommand.self,
        ]
    }

    /// Runs k8sup with the real console, environment and working directory.
    package static func main(arguments: [String]) async -> Int32 {
        let context = CommandContext(
            console: StandardConsole(), environment: ProcessInfo.processInfo.environment,
            workingDirectory: FileManager.default.currentDirectoryPath,
            outputIsTerminal: isatty(STDOUT_FILENO) == 1, input: StandardInput())
        return await run(arguments: arguments, context: context).rawValue
    }

    /// Ctrl-C while `apply` runs: asks the run to stop at its next safe point. False when a stop was
    /// already asked for (or no run is going), so the caller stops at once instead.
    package static func requestStop() -> Bool {
        StopRequest.shared.request()
    }

    /// Runs k8sup against any console and environment; used by `main` and by tests.
    package static func run(arguments: [String], context: CommandContext) async -> ExitCode {
        do {
            return try await dispatch(arguments, context: context)
        } catch {
            return report(error, context: context)
        }
    }

    private static func dispatch(_ arguments: [String], context: CommandContext) async throws -> ExitCode {
        let specs = commands.map { $0.spec }
        guard let first = arguments.first else {
            context.console.writeError(HelpRenderer.topLevel(commands: specs, version: version))
            return .usage
        }
        switch first {
        case "--help", "-h", "help":
            if first == "help", let name = arguments.dropFirst().first {
                guard let command = commands.first(where: { $0.spec.name == name }) else {
                    throw UsageError("unknown command '\(name)'" + commandSuggestion(for: name))
                }
                context.console.writeOutput(HelpRenderer.command(command.spec))
            } else {
                context.console.writeOutput(HelpRenderer.topLevel(commands: specs, version: version))
            }
            return .ok
        case "--version", "-V":
            context.console.writeOutput("k8sup \(version)\n")
            return .ok
        default:
            guard let command = commands.first(where: { $0.spec.name == first }) else {
                let kind = first.hasPrefix("-") ? "option" : "command"
                throw UsageError("unknown \(kind) '\(first)'" + commandSuggestion(for: first))
            }
            let parsed = try ArgumentParser.parse(Array(arguments.dropFirst()), for: command.spec)
            if parsed[Options.help] {
                context.console.writeOutput(HelpRenderer.command(command.spec))
                return .ok
            }
            do {
                return try await command.run(parsed, context: context)
            } catch let request as RequestError {
                throw UsageError(request.description, command: request.concernsCommandLine ? command.spec.name : nil)
            }
        }
    }

    private static func commandSuggestion(for name: String) -> String {
        NameSuggestion.hint(for: name, among: commands.map { $0.spec.name })
    }

    private static func report(_ error: any Error, context: CommandContext) -> ExitCode {
        let console = context.console
        switch error {
        case let usage as UsageError:
            var text = "k8sup: error: \(usage.message)\n"
            if let name = usage.command, let command = commands.first(where: { $0.spec.name == name }) {
                text += "\(HelpRenderer.usage(command.spec))\nRun 'k8sup \(name) --help' for details.\n"
            } else {
                text += "usage: k8sup COMMAND [OPTIONS]\nRun 'k8sup --help' for the list of commands.\n"
            }
            console.writeError(text)
            return .usage
        default:
            console.writeError("k8sup: error: \(ErrorText.describe(error))\n")
            return exitCode(for: error)
        }
    }

    /// The one mapping from how a use case ended to exit codes.
    static func exitCode(for outcome: UseCaseOutcome) -> ExitCode {
        outcome.exitCode
    }

    /// The exit code of a use case's outcome or error.
    static func exitCode(for result: Result<UseCaseOutcome, any Error>) -> ExitCode {
        switch result {
        case .success(let outcome): exitCode(for: outcome)
        case .failure(let error): exitCode(for: error)
        }
    }

    /// The one mapping from error kinds to exit codes.
    static func exitCode(for error: any Error) -> ExitCode {
        switch error {
        case is UsageError, is RequestError: return .usage
        case is InventoryError, is ClusterStateError, is TransportError, is PlaybookError, is SavedPlanError:
            return .dataError
        case let plan as PlanError:
            switch plan {
            case .noTarget, .badVia: return .usage
            case .badInventoryVersion, .differentCluster, .nothingSelected: return .dataError
            }
        case let journal as JournalError: return journal.isInputError ? .dataError : .failure
        case is LockError: return .failure
        case is CancellationError: return .interrupted
        default: return .failure
        }
    }
}
