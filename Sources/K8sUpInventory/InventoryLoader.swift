import K8sUpSupport

/// Loads inventory sources (`-i` paths) the way Ansible's `InventoryManager` does: files and whole
/// directories, readers chosen per file, then `group_vars/` and `host_vars/` beside each source.
///
/// Differences from Ansible, all in the direction of not losing hosts silently: a path that does not
/// exist, a file named by `-i` that no reader understands, and a directory in which nothing could be
/// read are errors rather than warnings; executable files are read as data, never run.
package struct InventoryLoader: Sendable {
    package let fileSystem: any FileSystemReading

    package init(fileSystem: any FileSystemReading = LocalFileSystem()) {
        self.fileSystem = fileSystem
    }

    /// Reads every source in order into one inventory, reconciles it, and loads the vars files.
    package func load(sources: [String]) throws(InventoryError) -> LoadedInventory {
        var inventory = Inventory()
        var warnings: [String] = []
        for source in sources {
            try loadSource(source, into: &inventory, warnings: &warnings)
        }
        inventory.reconcile()
        warnings += Self.nameClashWarnings(inventory)
        let varsDirectories = sources.map { source in
            fileSystem.kind(of: source) == .directory ? source : PathNames.directoryName(of: source)
        }
        var vars: [VarsDirectory] = []
        for directory in varsDirectories {
            vars.append(
                try VarsDirectory.load(
                    from: directory, for: inventory, fileSystem: fileSystem, warnings: &warnings))
        }
        return LoadedInventory(inventory: inventory, varsDirectories: vars, warnings: warnings)
    }

    private func loadSource(
        _ source: String, into inventory: inout Inventory, warnings: inout [String]
    ) throws(InventoryError) {
        switch fileSystem.kind(of: source) {
        case nil:
            throw .unreadable(path: source, reason: "no such file or directory")
        case .directory:
            var failures: [String] = []
            let parsedAny = try loadDirectory(source, into: &inventory, failures: &failures, warnings: &warnings)
            guard parsedAny else { throw .noInventoryInDirectory(source, failures: failures) }
            warnings += failures.map { "skipped \($0)" }
        case .file, .other:
            let reasons = try InventoryFileReader.read(
                path: source, fileSystem: fileSystem, into: &inventory, warnings: &warnings, namedByOperator: true)
            if !reasons.isEmpty { throw .unparsable(file: source, reasons: reasons) }
        }
    }

    /// Ansible's directory walk: sorted names, hidden files, `group_vars`, `host_vars`, `vars_plugins`
    /// and backup/documentation extensions ignored, subdirectories walked. Returns whether any file parsed;
    /// files that no reader understood are added to `failures` (Ansible warns about them and goes on).
    private func loadDirectory(
        _ directory: String, into inventory: inout Inventory, failures: inout [String], warnings: inout [String]
    ) throws(InventoryError) -> Bool {
        let names: [String]
        do {
            names = try fileSystem.entries(ofDirectory: directory)
        } catch {
            throw .unreadable(path: directory, reason: "cannot list the directory (\(error.localizedDescription))")
        }
        var parsedAny = false
        for name in names.sorted(by: String.pythonOrder) where !Self.isIgnored(name) {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            if fileSystem.kind(of: path) == .directory {
                if try loadDirectory(path, into: &inventory, failures: &failures, warnings: &warnings) {
                    parsedAny = true
                }
                continue
            }
            let reasons = try InventoryFileReader.read(
                path: path, fileSystem: fileSystem, into: &inventory, warnings: &warnings)
            if reasons.isEmpty {
                parsedAny = true
            } else {
                failures.append("\(path): not an inventory (" + reasons.joined(separator: "; ") + ")")
            }
        }
        return parsedAny
    }

    /// Ansible warns when a name is both a group and a host, because inline vars for that name land on
    /// the group. Kubespray's own `[bastion]` group holding one host `bastion` is the harmless case.
    private static func nameClashWarnings(_ inventory: Inventory) -> [String] {
        inventory.hostOrder.filter { name in
            guard let group = inventory.groups[name] else { return false }
            return !(group.hosts == [name] && group.children.isEmpty)
        }.map { "'\($0)' is both a group and a host; vars set on that name apply to the group" }
    }

    private static let ignoredNames: Set<String> = ["host_vars", "group_vars", "vars_plugins"]
    private static let ignoredSuffixes = [
        ".pyc", ".pyo", ".swp", ".bak", "~", ".rpm", ".md", ".txt", ".rst", ".orig", ".cfg", ".retry",
    ]

    package static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || ignoredNames.contains(name) || ignoredSuffixes.contains { name.hasSuffix($0) }
    }
}

/// An inventory with everything Ansible reads beside it: the `group_vars/`/`host_vars/` of each source,
/// and the warnings produced while loading.
package struct LoadedInventory: Sendable {
    package let inventory: Inventory
    /// One entry per `-i` source, in order (a file's directory, or the directory itself).
    package let varsDirectories: [VarsDirectory]
    package let warnings: [String]

    package init(inventory: Inventory, varsDirectories: [VarsDirectory], warnings: [String]) {
        self.inventory = inventory
        self.varsDirectories = varsDirectories
        self.warnings = warnings
    }
}
