import K8sUpSupport

/// Several command lines for one node, run in one remote shell so that one ssh connection carries them
/// all. Each line runs in its own `sh -c`, as it would alone, in order; the script stops at the first
/// line that fails and exits with its status.
///
/// So that each line's output and exit status stay its own, every line is framed on both output streams
/// by marker lines carrying a random marker chosen per session (the framing itself has no single quotes,
/// so it reads the same in the script and in the quoted remote line that carries it):
///
///     <marker> begin <n>          (stdout and stderr, before line n runs)
///     … the line's output …
///     \n<marker> end <n> <status>  (stdout; stderr has `\n<marker> end <n>`)
///
/// The newline before an end marker puts it at the start of a line even when the output did not end
/// with one (`SessionOutputParser` takes that newline away again). A line starts only after its begin
/// marker was written: once the connection is gone that write fails and the script ends, so after a
/// dropped connection the lines past the first unfinished one have not started.
package struct SessionScript: Sendable, Equatable {
    /// The marker that frames each line's output; only this session's script knows it.
    package let marker: String
    /// The command lines, in order; values in them already quoted with `ShellQuoting.quote`.
    package let lines: [String]

    package init(lines: [String], marker: String = SessionScript.randomMarker()) {
        self.lines = lines
        self.marker = marker
    }

    /// `k8sup-3f9c0a…`: 64 random bits, so no command's output carries it by chance.
    package static func randomMarker() -> String {
        let bits = String(UInt64.random(in: .min ... .max), radix: 16)
        return "k8sup-" + String(repeating: "0", count: 16 - bits.count) + bits
    }

    /// The first line of every session script: `# k8sup session <marker> <lines>`. It tells a reader of
    /// the node's process list (or a simulated node) what the script is.
    package var header: String { "# k8sup session \(marker) \(lines.count)" }

    /// The POSIX shell script that runs the lines.
    package var text: String {
        var script = [header]
        for (index, line) in lines.enumerated() {
            let number = index + 1
            script.append(
                "{ printf \"%s begin \(number)\\n\" \(marker) && printf \"%s begin \(number)\\n\" \(marker) >&2; } "
                    + "|| exit 255; sh -c \(ShellQuoting.quote(line)); s=$?; "
                    + "printf \"\\n%s end \(number) %s\\n\" \(marker) \"$s\"; "
                    + "printf \"\\n%s end \(number)\\n\" \(marker) >&2; [ \"$s\" -eq 0 ] || exit \"$s\"")
        }
        return script.joined(separator: "\n") + "\n"
    }
}
