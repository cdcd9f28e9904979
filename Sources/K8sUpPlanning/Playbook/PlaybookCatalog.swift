import Foundation
import K8sUpSupport

/// The playbooks compiled into k8sup (the files in `Playbooks/`, so an installed k8sup needs no
/// repository), and the way a playbook is chosen by name or path (`--playbook`, `k8sup_playbook`).
package enum PlaybookCatalog {
    /// The playbook used when neither `--playbook` nor `k8sup_playbook` names one.
    package static let defaultName = "kubeadm-apt"

    /// The built-in names, in the order `k8sup playbook list` shows them.
    package static var builtinNames: [String] { BuiltinPlaybookTexts.all.map(\.name) }

    private static let loaded: [String: Playbook] = {
        var playbooks: [String: Playbook] = [:]
        for (name, text) in BuiltinPlaybookTexts.all {
            playbooks[name] = try? PlaybookLoader.load(text: text, file: sourceName(name))
        }
        return playbooks
    }()

    /// A built-in playbook (nil for other names). Each is tested to load, so nil never hides a broken one.
    package static func builtin(_ name: String) -> Playbook? {
        loaded[name]
    }

    /// The YAML text of a built-in playbook, exactly as in `Playbooks/NAME.yaml`.
    package static func text(ofBuiltin name: String) -> String? {
        BuiltinPlaybookTexts.all.first { $0.name == name }?.text
    }

    /// How a built-in playbook's errors and `Playbook.source` name it.
    static func sourceName(_ name: String) -> String {
        "\(name) (built-in)"
    }

    /// A built-in playbook by name, else the playbook file at `nameOrPath`.
    package static func resolve(_ nameOrPath: String, fileSystem: any FileSystemReading) throws(PlaybookError)
        -> Playbook
    {
        try load(nameOrPath, fileSystem: fileSystem).playbook
    }

    /// As `resolve`, also giving the YAML text the playbook was read from.
    package static func load(_ nameOrPath: String, fileSystem: any FileSystemReading) throws(PlaybookError) -> (
        playbook: Playbook, text: String
    ) {
        if let playbook = builtin(nameOrPath), let text = text(ofBuiltin: nameOrPath) { return (playbook, text) }
        switch fileSystem.kind(of: nameOrPath) {
        case .file?, .other?:
            // .other: a pipe such as `--playbook <(…)` reads as well as a file.
            break
        case .directory?:
            throw .unreadable(path: nameOrPath, reason: "it is a directory, not a playbook file")
        case nil:
            throw .unknownPlaybook(nameOrPath, builtins: builtinNames)
        }
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.bytes(of: nameOrPath)
        } catch {
            throw .unreadable(path: nameOrPath, reason: error.localizedDescription)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .unreadable(path: nameOrPath, reason: "it is not UTF-8 text")
        }
        return (try PlaybookLoader.load(text: text, file: nameOrPath), text)
    }
}
