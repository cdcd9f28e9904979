import Foundation
import K8sUpPlanning
import K8sUpSupport
import PythonParity

/// Where the full output of every command goes: one log per node (and one for the run) under the state
/// directory. Lines pass through the redactor first, so no secret value reaches a log.
package protocol CommandLogging: Sendable {
    /// Appends `line` to the log of `node` (nil: the run's own log).
    func write(_ line: String, node: String?)
}

extension CommandLogging {
    /// How a command ended: `= exit 1`, with ` (timed out)` when k8sup stopped it.
    func writeEnd(of result: CommandResult, node: String?) {
        write("= exit \(result.exitStatus)" + (result.timedOut ? " (timed out)" : ""), node: node)
    }

    /// How a look (a read whose output is parsed, not logged) ended, and the last lines of its error
    /// output when it failed.
    func writeLookEnd(of result: CommandResult, node: String?) {
        writeEnd(of: result, node: node)
        guard !result.succeeded else { return }
        for line in result.stderr.split(separator: "\n").suffix(5) { write("! " + line, node: node) }
    }
}

/// Logs in `<state-dir>/logs/<node>.log` and `<state-dir>/logs/run.log`, mode 0600, appended to.
package final class CommandLogFiles: CommandLogging, @unchecked Sendable {
    private let directory: String
    private let redactor: SecretRedactor
    // Guards `handles`; writers are the executor's tasks.
    private let lock = NSLock()
    private var handles: [String: FileHandle] = [:]

    init(directory: String, redactor: SecretRedactor) throws(CommandLogError) {
        self.directory = directory
        self.redactor = redactor
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw CommandLogError(directory: directory, reason: ErrorText.describe(error))
        }
    }

    package func write(_ line: String, node: String?) {
        let name = (node ?? "run").replacingOccurrences(of: "/", with: "_") + ".log"
        let stamped = Self.timestamp(Date()) + " " + redactor.redact(line) + "\n"
        lock.lock()
        defer { lock.unlock() }
        guard let handle = handle(for: name) else { return }
        handle.write(Data(stamped.utf8))
    }

    private func handle(for name: String) -> FileHandle? {
        if let open = handles[name] { return open }
        let path = directory + "/" + name
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
        handle.seekToEndOfFile()
        handles[name] = handle
        return handle
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

/// The directory of the command logs cannot be created.
struct CommandLogError: Error, Equatable, CustomStringConvertible {
    var directory: String
    var reason: String

    var description: String {
        "cannot create the log directory \(directory): \(reason); pass --state-dir with a writable directory"
    }
}

/// Replaces the values of secret-looking vars (names containing `password`, `secret`, `token` or `key`)
/// with `***` in any text k8sup shows or logs.
package struct SecretRedactor: Sendable {
    /// The values to hide, longest first so a value containing another is hidden whole.
    let secrets: [String]

    package init(values: some Sequence<String>) {
        // Very short values (a `key: 1`) would blank out unrelated text; they are not secrets anyway.
        secrets = Set(values.filter { $0.count >= 4 }).sorted { $0.count > $1.count }
    }

    /// The secret values among hosts' resolved vars.
    package init(hostVariables: [String: DataMapping]) {
        var values: [String] = []
        for variables in hostVariables.values {
            for (key, value) in variables.entries {
                guard let name = key.stringValue, PlaybookValues.looksSecret(name) else { continue }
                values.append(value.stringValue ?? value.scalarText)
            }
        }
        self.init(values: values)
    }

    package func redact(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: "***")
        }
        return result
    }
}
