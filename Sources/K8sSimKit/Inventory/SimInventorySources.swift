import Foundation
import K8sUpReaders
import K8sUpSupport

/// An inventory read from `-i` sources, each a file or a directory, with the `group_vars/` and `host_vars/`
/// beside each source (in the directory itself, or in a file's directory), in source order.
///
/// Format per file, as Ansible chooses it: `.yml`, `.yaml` and `.json` files are YAML; a file without an
/// extension is YAML when it reads as a YAML inventory, else INI; any other file is INI. A directory is
/// walked in name order, into subdirectories, skipping hidden files, `group_vars`, `host_vars`,
/// `vars_plugins` and backup or documentation files. Unlike Ansible, which warns and goes on, a file that
/// cannot be read is an error: a simulated cluster quietly missing nodes would mislead a test.
struct SimInventorySources: Sendable {
    let inventory: SimInventory
    /// One per source, in source order.
    let varsDirectories: [SimVarsDirectory]

    static func load(_ sources: [String]) throws(SimInventoryError) -> SimInventorySources {
        var inventory = SimInventory()
        for source in sources {
            guard FileManager.default.fileExists(atPath: source) else {
                throw .unreadable(path: source, reason: "no such file or directory")
            }
            inventory =
                try SimVarsDirectory.isDirectory(source)
                ? readDirectory(source, into: inventory) : readFile(source, into: inventory)
        }
        try inventory.finish()
        var varsDirectories: [SimVarsDirectory] = []
        for source in sources {
            let base = SimVarsDirectory.isDirectory(source) ? source : (source as NSString).deletingLastPathComponent
            varsDirectories.append(try SimVarsDirectory.load(from: base.isEmpty ? "." : base, for: inventory))
        }
        return SimInventorySources(inventory: inventory, varsDirectories: varsDirectories)
    }

    private static let skippedNames: Set<String> = ["group_vars", "host_vars", "vars_plugins"]
    private static let skippedSuffixes = [
        ".pyc", ".pyo", ".swp", ".bak", "~", ".rpm", ".md", ".txt", ".rst", ".orig", ".cfg", ".retry",
    ]

    private static func readDirectory(_ directory: String, into inventory: SimInventory) throws(SimInventoryError)
        -> SimInventory
    {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .unreadable(path: directory, reason: "the directory cannot be listed")
        }
        var inventory = inventory
        for name in names.sorted() {
            guard !name.hasPrefix("."), !skippedNames.contains(name), !skippedSuffixes.contains(where: name.hasSuffix)
            else { continue }
            let path = directory + "/" + name
            inventory =
                try SimVarsDirectory.isDirectory(path)
                ? readDirectory(path, into: inventory) : readFile(path, into: inventory)
        }
        return inventory
    }

    private static func readFile(_ path: String, into inventory: SimInventory) throws(SimInventoryError)
        -> SimInventory
    {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "the file cannot be read")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let suffix = (path as NSString).pathExtension.lowercased()
        if ["yml", "yaml", "json"].contains(suffix) {
            let root: DataNode?
            do {
                root = try DataNode.load(text: text, file: path)
            } catch {
                throw .invalid(error.location, error.message)
            }
            guard let root, !root.isNull else { throw .invalid(SourceLocation(file: path), "the YAML file is empty") }
            return try SimYAMLInventoryReader.read(root: root, file: path, into: inventory)
        }
        if suffix.isEmpty, let root = try? DataNode.load(text: text, file: path), root.entries != nil,
            let read = try? SimYAMLInventoryReader.read(root: root, file: path, into: inventory)
        {
            return read
        }
        return try SimINIInventoryReader.read(text: text, file: path, into: inventory)
    }
}
