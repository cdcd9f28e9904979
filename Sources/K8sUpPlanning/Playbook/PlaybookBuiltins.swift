import K8sUpSupport

/// The placeholder names every playbook may use without declaring them. Their values come from the
/// upgrade itself, so vars (playbook defaults or inventory) can never override them.
enum PlaybookBuiltins {
    /// The names with an example value, in the order help and errors list them.
    static let names: [(name: String, example: String)] = [
        ("target", "1.30.4"), ("target_v", "v1.30.4"), ("target_minor", "1.30"), ("from", "1.29.8"),
        ("from_minor", "1.29"), ("node", "the Kubernetes node name"), ("host", "the inventory host name"),
        ("role", "control-plane or worker"), ("package_version", "1.30.4-1.1, from discover_versions"),
    ]

    static let nameSet: Set<String> = Set(names.map(\.name))

    /// Names whose values are only known while the upgrade runs (see `PlaybookContext.runtime`).
    static let runtimeNames: Set<String> = ["package_version"]

    /// The value of a built-in name that is known before anything runs; nil for runtime names and for
    /// names that are not built in.
    static func value(of name: String, in context: PlaybookContext) -> String? {
        switch name {
        case "target": return plain(context.target.withoutBuildSuffix)
        case "target_v": return context.target.withoutBuildSuffix.description
        case "target_minor": return minor(context.target)
        case "from": return plain(context.from)
        case "from_minor": return minor(context.from)
        case "node": return context.node
        case "host": return context.host
        case "role": return context.role.rawValue
        default: return nil
        }
    }

    /// `1.30.4` for `v1.30.4`: the form package versions and Kubespray's `kube_version` use.
    private static func plain(_ version: KubeVersion) -> String {
        String(version.description.dropFirst())
    }

    private static func minor(_ version: KubeVersion) -> String {
        "\(version.major).\(version.minor)"
    }
}
