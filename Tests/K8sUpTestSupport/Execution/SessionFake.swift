import Foundation
import K8sSimKit
import K8sUpCLI
import K8sUpCluster
import K8sUpExecution
import K8sUpInventory
import K8sUpPlanning
import K8sUpReaders
import K8sUpSupport
import K8sUpUseCases
import PythonParity

/// Reads a `SessionScript` back from the command that carries it and answers it as a node would: for
/// fakes that decide each command line's outcome without running a shell.
package struct SessionFake {
    package let marker: String
    /// The command lines, as the playbook rendered them.
    package let lines: [String]

    /// The session `command` runs (its last argument is the script, or the remote line carrying it).
    package init?(_ command: Command) {
        guard let text = command.arguments.last, let header = text.range(of: "# k8sup session ") else { return nil }
        let words = text[header.upperBound...].prefix { $0 != "\n" }.split(separator: " ")
        guard words.count == 2 else { return nil }
        marker = String(words[0])
        var lines: [String] = []
        for scriptLine in text.split(separator: "\n").dropFirst() {
            guard let start = scriptLine.range(of: "; sh -c "), let end = scriptLine.range(of: "; s=$?;") else {
                continue
            }
            let quoted = String(scriptLine[start.upperBound..<end.lowerBound])
            guard let word = try? ShellWords.split(quoted.unicodeScalars).first?.text else { continue }
            lines.append(word)
        }
        self.lines = lines
    }

    /// How one line ends: its status, and what it prints.
    package struct Outcome {
        package var status: Int32 = 0
        package var stdout = ""
        package var stderr = ""

        package init(status: Int32 = 0, stdout: String = "", stderr: String = "") {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    /// The session's result when the lines end as `outcome` says, stopping at the first that fails;
    /// `dropIn` (from 0) loses the connection while that line runs, after its output.
    package func result(dropIn: Int? = nil, _ outcome: (String) -> Outcome) -> CommandResult {
        var stdout = ""
        var stderr = ""
        for (index, line) in lines.enumerated() {
            let number = index + 1
            stdout += "\(marker) begin \(number)\n"
            stderr += "\(marker) begin \(number)\n"
            let ended = outcome(line)
            stdout += ended.stdout
            stderr += ended.stderr
            if dropIn == index {
                return CommandResult(
                    termination: .exited(255), stdout: stdout,
                    stderr: stderr + "\nConnection to node closed by remote host.\n")
            }
            stdout += "\n\(marker) end \(number) \(ended.status)\n"
            stderr += "\n\(marker) end \(number)\n"
            if ended.status != 0 {
                return CommandResult(termination: .exited(ended.status), stdout: stdout, stderr: stderr)
            }
        }
        return CommandResult(termination: .exited(0), stdout: stdout, stderr: stderr)
    }
}
