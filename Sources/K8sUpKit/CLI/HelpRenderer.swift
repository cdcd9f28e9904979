/// Renders `k8sup --help` and `k8sup COMMAND --help` from the command specs.
enum HelpRenderer {
    static func topLevel(commands: [CommandSpec], version: String) -> String {
        let width = (commands.map(\.name.count).max() ?? 0) + 2
        let list = commands.map { "  " + $0.name.padding(to: width) + $0.summary }.joined(separator: "\n")
        return """
            k8sup \(version): upgrade kubeadm-based Kubernetes clusters described by an Ansible/Kubespray inventory.

            usage: k8sup COMMAND [OPTIONS]
                   k8sup --version
                   k8sup --help | k8sup COMMAND --help

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
        let width = (spec.options.map(\.signature.count).max() ?? 0) + 2
        let options = spec.options.map { option in
            let help = option.repeatable ? option.help.trimmingSuffix(".") + " (repeatable)." : option.help
            return "  " + option.signature.padding(to: width) + help
        }.joined(separator: "\n")
        var text = "\(spec.summary)\n\n\(spec.usageLine)\n\nOptions:\n\(options)\n"
        if !spec.discussion.isEmpty { text += "\n\(spec.discussion)\n" }
        return text
    }
}

extension String {
    /// The string without one trailing `suffix`, if it has it.
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }

    /// Pads with spaces to `width` characters (no truncation).
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
