import K8sUpSupport

/// Reads one inventory file with the reader Ansible's plugin order would pick (`auto`/`yaml`, then
/// `ini`): the YAML reader for `.yml`, `.yaml`, `.json` and names without an extension, and the INI
/// reader for everything else and whenever the YAML reader fails. Never runs the file.
enum InventoryFileReader {
    static let yamlExtensions: Set<String> = ["", ".yml", ".yaml", ".json"]

    /// Reads `path` into `inventory`. Returns nothing on success, else one reason per reader that tried
    /// and failed (the caller decides whether that is an error or a warning). As in Ansible, what a
    /// failed reader added before it failed stays in the inventory.
    static func read(
        path: String, fileSystem: any FileSystemReading, into inventory: inout Inventory, warnings: inout [String],
        namedByOperator: Bool = false
    ) throws(InventoryError) -> [String] {
        let suffix = PathNames.pythonExtension(of: path)
        if suffix == ".toml" {
            return ["TOML inventories are not supported; convert it to YAML or INI"]
        }
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.bytes(of: path)
        } catch {
            throw .unreadable(path: path, reason: "\(error.localizedDescription)")
        }
        var reasons: [String] = []
        if yamlExtensions.contains(suffix) {
            do {
                let text = try DataFiles.decodeUTF8(bytes, file: path)
                let root = try DataFiles.parseNode(text, file: path)
                var yamlWarnings: [String] = []
                try YAMLInventoryReader.read(root, file: path, into: &inventory, warnings: &yamlWarnings)
                warnings += yamlWarnings
                return []
            } catch {
                reasons.append("as YAML: \(error)")
            }
        }
        do {
            try INIInventoryReader.read(bytes, file: path, into: &inventory)
            return []
        } catch {
            reasons.append("as INI: \(error)")
        }
        if namedByOperator, !yamlExtensions.contains(suffix), looksLikeYAMLInventory(bytes, file: path) {
            let stem = String(PathNames.baseName(of: path).dropLast(suffix.count))
            let suggestion = [".yml", ".yaml"].contains(PathNames.pythonExtension(of: stem)) ? stem : stem + ".yml"
            reasons.append(
                "the content is a YAML mapping, but only files named .yml, .yaml, .json or without an "
                    + "extension are read as YAML (by Ansible too): rename it, e.g. to '\(suggestion)'")
        }
        return reasons
    }

    private static func looksLikeYAMLInventory(_ bytes: [UInt8], file: String) -> Bool {
        guard let text = try? DataFiles.decodeUTF8(bytes, file: file),
            let root = try? DataFiles.parseNode(text, file: file)
        else { return false }
        return root.mappingEntries != nil
    }
}
