import Foundation
import K8sUpSupport
import PythonParity

/// Reads an INI inventory into a `SimInventory` as Ansible's `ini` plugin does:
///
///     host-1 ansible_host=10.0.0.1      # before any section: an ungrouped host
///     [kube_control_plane]              # hosts of a group, with optional key=value vars
///     cp-[1:3] ansible_user=ubuntu
///     [k8s_cluster:children]            # child groups, one per line
///     kube_control_plane
///     [k8s_cluster:vars]                # group vars, one key = value per line
///     kube_version = v1.30.4
///
/// Lines starting with `#` or `;` are comments. A `[group:vars]` section for a group that is never
/// declared, and a child group that is never declared, are errors, as in Ansible.
struct SimINIInventoryReader {
    let file: String
    private var inventory: SimInventory
    private var group = SimInventory.ungrouped
    private var section = Section.hosts
    /// Groups named before they were declared: where, and how.
    private var pending: [String: Pending] = [:]

    private enum Section: String {
        case hosts, children, vars
    }

    private struct Pending {
        let location: SourceLocation
        let section: Section
        var parents: [String]
    }

    static func read(text: String, file: String, into inventory: SimInventory) throws(SimInventoryError)
        -> SimInventory
    {
        var reader = SimINIInventoryReader(file: file, inventory: inventory)
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .enumerated()
        {
            try reader.read(line: rawLine.trimmingCharacters(in: .whitespacesAndNewlines), number: offset + 1)
        }
        return try reader.finish()
    }

    private init(file: String, inventory: SimInventory) {
        self.file = file
        self.inventory = inventory
    }

    private mutating func read(line: String, number: Int) throws(SimInventoryError) {
        guard let first = line.first, first != "#", first != ";" else { return }
        let location = SourceLocation(file: file, line: number)
        if first == "[" {
            try readHeader(line, at: location)
            return
        }
        switch section {
        case .hosts: try readHosts(line, at: location)
        case .children: try readChild(line, at: location)
        case .vars: try readVariable(line, at: location)
        }
    }

    private mutating func readHeader(_ line: String, at location: SourceLocation) throws(SimInventoryError) {
        guard let close = line.firstIndex(of: "]") else {
            throw .invalid(location, "invalid section header '\(line)': it has no closing ']'")
        }
        let rest = line[line.index(after: close)...].trimmingCharacters(in: .whitespaces)
        let inside = line[line.index(after: line.startIndex)..<close]
        let parts = inside.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let name = parts[0]
        guard !name.isEmpty, !name.contains(where: \.isWhitespace), rest.isEmpty || rest.hasPrefix("#") else {
            throw .invalid(location, "invalid section header '\(line)': group names have no spaces or colons")
        }
        guard let kind = parts.count == 2 ? Section(rawValue: parts[1]) : .hosts else {
            throw .invalid(
                location, "section '\(line)' has the unknown type '\(parts[1])' (known: hosts, children, vars)")
        }
        if inventory.groups[name] == nil, kind == .vars, pending[name] == nil {
            pending[name] = Pending(location: location, section: .vars, parents: [])
        }
        inventory.addGroup(name, at: location)
        if kind != .vars, let waiting = pending.removeValue(forKey: name), waiting.section == .children {
            for parent in waiting.parents { inventory.addChild(name, to: parent, at: waiting.location) }
        }
        group = name
        section = kind
    }

    private mutating func readHosts(_ line: String, at location: SourceLocation) throws(SimInventoryError) {
        let words = try split(line, at: location)
        guard let pattern = words.first else { return }
        var vars = DataMapping()
        for word in words.dropFirst() {
            guard let equals = word.firstIndex(of: "=") else {
                throw .invalid(location, "expected key=value after the host name, got '\(word)'")
            }
            vars[String(word[..<equals])] = Self.value(String(word[word.index(after: equals)...]))
        }
        for host in try SimHostPattern.expand(pattern, at: location) {
            var hostVars = vars
            if let port = host.port { hostVars["ansible_port"] = .int(port) }
            inventory.addHost(host.name, to: group, vars: hostVars, at: location)
        }
    }

    private mutating func readChild(_ line: String, at location: SourceLocation) throws(SimInventoryError) {
        guard let child = try split(line, at: location).first else { return }
        if inventory.groups[child] != nil {
            inventory.addChild(child, to: group, at: location)
        } else if pending[child] != nil {
            pending[child]?.parents.append(group)
        } else {
            pending[child] = Pending(location: location, section: .children, parents: [group])
        }
    }

    private mutating func readVariable(_ line: String, at location: SourceLocation) throws(SimInventoryError) {
        guard let equals = line.firstIndex(of: "=") else {
            throw .invalid(location, "expected key = value in section [\(group):vars], got '\(line)'")
        }
        let key = line[..<equals].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        var vars = DataMapping()
        vars[key] = Self.value(value)
        inventory.addVars(vars, toGroup: group)
    }

    private mutating func finish() throws(SimInventoryError) -> SimInventory {
        if let (name, waiting) = pending.min(by: { $0.value.location.line < $1.value.location.line }) {
            switch waiting.section {
            case .vars:
                throw .invalid(waiting.location, "[\(name):vars] is for a group '\(name)' that is never declared")
            case .children, .hosts:
                let parent = waiting.parents.first ?? name
                throw .invalid(
                    waiting.location, "[\(parent):children] names the group '\(name)', which is never declared")
            }
        }
        return inventory
    }

    private func split(_ line: String, at location: SourceLocation) throws(SimInventoryError) -> [String] {
        do {
            return try SimINIWords.split(line)
        } catch .unclosedQuote {
            throw .invalid(location, "a quote is not closed on this line")
        } catch {
            throw .invalid(location, "the line ends with a backslash that escapes nothing")
        }
    }

    /// A value as Ansible types it (Python literals): True/False/None, whole and decimal numbers and quoted
    /// strings; anything else is the text itself (`10.0.0.1`, `v1.30.4`). Lists and dicts written as Python
    /// literals stay text too: k8sim reads no such variable.
    static func value(_ text: String) -> DataValue {
        switch text {
        case "True": return .bool(true)
        case "False": return .bool(false)
        case "None": return .null
        default: break
        }
        if let number = Int(text) { return .int(number) }
        let numeric = text.allSatisfy { $0.isNumber || "+-.eE".contains($0) }
        if numeric, text.contains(where: \.isNumber), let number = Double(text) { return .float(number) }
        if text.count >= 2, let quote = text.first, quote == "'" || quote == "\"", text.last == quote {
            return .string(String(text.dropFirst().dropLast()))
        }
        return .string(text)
    }
}
