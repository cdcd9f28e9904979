import K8sUpSupport
import PythonParity

/// The `group_vars/` and `host_vars/` beside one inventory source, read the way Ansible's
/// `host_group_vars` plugin reads them: for an entity `NAME`, the first of `NAME` (a file, or a
/// directory read recursively in sorted order), `NAME.yml`, `NAME.yaml`, `NAME.json`; files in such a
/// directory need one of those extensions or none; hidden and `~` files are skipped.
package struct VarsDirectory: Sendable {
    /// The directory holding `group_vars/` and `host_vars/`.
    package let path: String
    /// The merged vars of each group that has files, files merged in the order Ansible reads them.
    package let groupVars: [String: DataMapping]
    /// The merged vars of each host that has files.
    package let hostVars: [String: DataMapping]

    package static let extensions = [".yml", ".yaml", ".json"]

    package static func load(
        from directory: String, for inventory: Inventory, fileSystem: any FileSystemReading,
        warnings: inout [String]
    ) throws(InventoryError) -> VarsDirectory {
        let reader = Reader(fileSystem: fileSystem)
        let groupVars = try reader.load(
            subdirectory: join(directory, "group_vars"), names: inventory.groupOrder, warnings: &warnings)
        let hostVars = try reader.load(
            subdirectory: join(directory, "host_vars"), names: inventory.hostOrder, warnings: &warnings)
        return VarsDirectory(path: directory, groupVars: groupVars, hostVars: hostVars)
    }

    package static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Finds and parses the files of one `group_vars/` or `host_vars/` directory.
    private struct Reader {
        let fileSystem: any FileSystemReading

        func load(
            subdirectory: String, names: [String], warnings: inout [String]
        ) throws(InventoryError) -> [String: DataMapping] {
            switch fileSystem.kind(of: subdirectory) {
            case nil:
                return [:]
            case .file, .other:
                warnings.append(
                    "'\(subdirectory)' is not a directory, so its vars are not loaded (Ansible skips it too)")
                return [:]
            case .directory:
                break
            }
            let present: Set<String>
            do {
                present = Set(try fileSystem.entries(ofDirectory: subdirectory))
            } catch {
                throw .unreadable(path: subdirectory, reason: error.localizedDescription)
            }
            var result: [String: DataMapping] = [:]
            for name in names where !name.hasPrefix("/") {
                guard let match = ([""] + VarsDirectory.extensions).first(where: { present.contains(name + $0) })
                else { continue }
                let files = try filesToRead(VarsDirectory.join(subdirectory, name + match))
                var merged = DataMapping()
                for file in files {
                    merged = merged.merging(try parse(file))
                }
                if !files.isEmpty { result[name] = merged }
            }
            return result
        }

        /// The file itself, or every eligible file below a directory in sorted order.
        private func filesToRead(_ path: String) throws(InventoryError) -> [String] {
            guard fileSystem.kind(of: path) == .directory else { return [path] }
            let names: [String]
            do {
                names = try fileSystem.entries(ofDirectory: path)
            } catch {
                throw .unreadable(path: path, reason: error.localizedDescription)
            }
            var files: [String] = []
            for name in names.sorted(by: String.pythonOrder)
            where !name.hasPrefix(".") && !name.hasSuffix("~") {
                let child = VarsDirectory.join(path, name)
                let suffix = PathNames.pythonExtension(of: name)
                let kind = fileSystem.kind(of: child)
                if kind == .directory && suffix.isEmpty {
                    files += try filesToRead(child)
                } else if kind == .file && (suffix.isEmpty || VarsDirectory.extensions.contains(suffix)) {
                    files.append(child)
                }
            }
            return files
        }

        /// One vars file: JSON or YAML; empty or false-y content is ignored, anything else must be a mapping.
        private func parse(_ path: String) throws(InventoryError) -> DataMapping {
            let text = try DataFiles.readText(path, fileSystem: fileSystem)
            guard let value = try DataFiles.parse(text, file: path), value.isTruthy else { return DataMapping() }
            guard case .mapping(let mapping) = value else {
                throw .invalid(
                    SourceLocation(file: path, line: 1, column: 1),
                    "a vars file must be a mapping of variable names to values, but this one is "
                        + English.withArticle(value.kindName))
            }
            return mapping
        }
    }
}
