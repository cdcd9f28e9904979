// Generated from Playbooks/*.yaml by `RECORD_GOLDEN=1 swift test`; do not edit by hand.

/// The playbooks of `Playbooks/`, compiled in so that an installed k8sup works without the
/// repository (one file per playbook beside this one). `BuiltinPlaybookTextsTests` fails when a
/// text differs from its file, and `RECORD_GOLDEN=1 swift test` rewrites these files.
enum BuiltinPlaybookTexts {
    /// Each playbook's name and exact YAML text, the default first.
    static let all: [(name: String, text: String)] = [
        ("kubeadm-apt", kubeadmApt),
        ("kubeadm-dnf", kubeadmDnf),
        ("kubespray", kubespray),
    ]
}
