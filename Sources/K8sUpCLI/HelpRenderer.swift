/// Renders `k8sup --help`, `k8sup COMMAND --help` and the usage lines of usage errors, all from the
/// command specs.
enum HelpRenderer {
    /// Usage lines and help text are wrapped at this many columns.
    static let width = 100

    /// The usage line of k8sup itself, beside the commands' own.
    static let generalUsage = "k8sup --help | k8sup COMMAND --help | k8sup --version"

    static func topLevel(commands: [CommandSpec], version: String) -> String {
        let width = (commands.map(\.name.count).max() ?? 0) + 2
        let list = commands.map { "  " + $0.name.padding(to: width) + $0.summary }.joined(separator: "\n")
        return """
            k8sup \(version): upgrade kubeadm-based Kubernetes clusters described by an Ansible/Kubespray inventory.

            usage: k8sup COMMAND [OPTIONS]
                   \(generalUsage)

            Commands:
            \(list)

            Environment:
              K8SUP_INVENTORY   inventory used when -i is not given
              NO_COLOR          disables colour in output

            Exit codes: 0 ok, 1 failed, 2 blocked by checks, 3 a node needs manual repair,
                        64 usage error, 65 bad input data, 130 interrupted.

            """
    }

    static func command(_ spec: CommandSpec) -> String {
        let signatureWidth = (spec.options.map(\.signature.count).max() ?? 0) + 2
        let sections = spec.sections.map { section in
            section.title + ":\n"
                + section.options.map { option in
                    wrap(
                        words(optionHelp(option)), first: "  " + option.signature.padding(to: signatureWidth),
                        indent: 2 + signatureWidth)
                }.joined(separator: "\n")
        }
        var text = "\(spec.summary)\n\n\(usage(spec))\n\n" + sections.joined(separator: "\n\n") + "\n"
        if !spec.discussion.isEmpty { text += "\n\(spec.discussion)\n" }
        return text
    }

    /// `usage: k8sup NAME ...`, one line per form (continuation lines indented under the first argument).
    static func usage(_ spec: CommandSpec, prefix: String = "usage: ") -> String {
        spec.usageForms.enumerated().map { index, terms in
            let lead = (index == 0 ? prefix : String(repeating: " ", count: prefix.count)) + "k8sup \(spec.name)"
            return wrap(terms.map(\.text), first: lead + " ", indent: lead.count + 1)
        }.joined(separator: "\n")
    }

    /// The option's help with its default and whether it repeats: `How long a drain may take (default: 5m).`
    static func optionHelp(_ option: OptionSpec) -> String {
        let notes = [option.defaultText.map { "default: " + $0 }, option.repeatable ? "repeatable" : nil]
            .compactMap { $0 }
        guard !notes.isEmpty else { return option.help }
        return option.help.trimmingSuffix(".") + " (" + notes.joined(separator: "; ") + ")."
    }

    /// `tokens` after `first`, as many to a line as fit in `width`; later lines start at column `indent`.
    /// A token longer than a line gets a line of its own.
    static func wrap(_ tokens: [String], first: String, indent: Int) -> String {
        var lines: [String] = []
        var line = first
        var lineHasToken = false
        for token in tokens {
            if lineHasToken && line.count + 1 + token.count > width {
                lines.append(line)
                line = String(repeating: " ", count: indent)
                lineHasToken = false
            }
            line += (lineHasToken ? " " : "") + token
            lineHasToken = true
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// The text's words; a command in backticks stays one word, so it is never split across lines.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var insideCommand = false
        for word in text.split(separator: " ") {
            if insideCommand, let last = words.popLast() {
                words.append(last + " " + word)
            } else {
                words.append(String(word))
            }
            if word.filter({ $0 == "`" }).count % 2 == 1 { insideCommand.toggle() }
        }
        return words
    }
}
