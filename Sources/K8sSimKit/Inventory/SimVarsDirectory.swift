import Foundation
import K8sUpReaders
import K8sUpSupport
import PythonParity

/// The `group_vars/` and `host_vars/` beside one inventory source, for the groups and hosts the inventory
/// has. For a name N, Ansible reads `N` itself (a file, or every YAML file of a directory, recursively and
/// in name order, later files winning key by key), else the first of `N.yml`, `N.yaml`, `N.json`.
struct SimVarsDirectory: Sendable {
    private(set) var groupVars: [String: DataMapping] = [:]
    private(set) var hostVars: [String: DataMapping] = [:]

    static let extensions = [".yml", ".yaml", ".json"]

    /// Reads `base/group_vars` and `base/host_vars`; either may be missing.
    static func load(from base: String, for inventory: SimInventory) throws(SimInventoryError) -> SimVarsDirectory {
        var result = SimVarsDirectory()
        for group in inventory.groupOrder {
            if let vars = try vars(named: group, in: base + "/group_vars") { result.groupVars[group] = vars }
        }
        for host in inventory.hostOrder {
            if let vars = try vars(named: host, in: base + "/host_vars") { result.hostVars[host] = vars }
        }
        return result
    }

    private static func vars(named name: String, in directory: String) throws(SimInventoryError) -> DataMapping? {
        guard isDirectory(directory), !name.contains("/") else { return nil }
        let candidates = [name] + extensions.map { name + $0 }
        guard let path = candidates.map({ directory + "/" + $0 }).first(where: FileManager.default.fileExists)
        else { return nil }
        var vars = DataMapping()
        for file in isDirectory(path) ? filesBelow(path) : [path] {
            vars = vars.merging(try load(file))
        }
        return vars
    }

    /// Every file below `directory` with a vars extension or none, in name order, skipping hidden files and
    /// editor backups.
    private static func filesBelow(_ directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().flatMap { name -> [String] in
            guard !name.hasPrefix("."), !name.hasSuffix("~") else { return [] }
            let path = directory + "/" + name
            let suffix = (name as NSString).pathExtension
            if isDirectory(path) { return suffix.isEmpty ? filesBelow(path) : [] }
            return suffix.isEmpty || extensions.contains("." + suffix) ? [path] : []
        }
    }

    private static func load(_ file: String) throws(SimInventoryError) -> DataMapping {
        guard let bytes = FileManager.default.contents(atPath: file) else {
            throw .unreadable(path: file, reason: "the vars file cannot be read")
        }
        let root: DataNode?
        do {
            root = try DataNode.load(text: String(decoding: bytes, as: UTF8.self), file: file)
        } catch {
            throw .invalid(error.location, error.message)
        }
        guard let root, !root.isNull else { return DataMapping() }
        guard case .mapping(let vars) = root.value else {
            throw .invalid(root.location, "a vars file holds a mapping of variable names, not a \(root.kindName)")
        }
        return vars
    }

    static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}
