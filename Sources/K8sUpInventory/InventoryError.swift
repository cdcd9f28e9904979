import K8sUpSupport

/// Everything that can be wrong with an inventory or a host pattern. All of these are bad input data
/// (exit code 65); each message names the file, line and column where that is known.
package enum InventoryError: Error, Equatable, CustomStringConvertible {
    /// The path named by `-i` (or a file under it) could not be read at all.
    case unreadable(path: String, reason: String)
    /// A problem at a known place in an inventory or vars file.
    case invalid(SourceLocation, String)
    /// Neither the YAML nor the INI reader could make sense of a file named by `-i`; one reason per reader.
    case unparsable(file: String, reasons: [String])
    /// No file in a directory named by `-i` could be read as an inventory; one line per file tried.
    case noInventoryInDirectory(String, failures: [String])
    /// No `kube_control_plane`/`kube-master` group exists.
    case noControlPlaneGroup(groups: [String])
    /// The control-plane group exists but has no hosts.
    case emptyControlPlaneGroup(String)
    /// A `--limit` pattern is malformed or selects nothing.
    case pattern(String, problem: String)

    package var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read inventory '\(path)': \(reason)"
        case .invalid(let location, let message):
            return "\(location): \(message)"
        case .unparsable(let file, let reasons):
            let detail = reasons.map { "\n  - \($0)" }.joined()
            return "\(file): not a YAML or INI inventory:\(detail)"
        case .noInventoryInDirectory(let path, let failures):
            guard !failures.isEmpty else { return "\(path): the directory has no inventory files" }
            return "\(path): no file in this directory could be read as an inventory:"
                + failures.map { "\n  - \($0)" }.joined()
        case .noControlPlaneGroup(let groups):
            let known = groups.isEmpty ? "none" : groups.joined(separator: ", ")
            return "the inventory has no control-plane group: add a 'kube_control_plane' (or 'kube-master') "
                + "group listing the control-plane hosts (groups found: \(known))"
        case .emptyControlPlaneGroup(let group):
            return "the control-plane group '\(group)' has no hosts: list the control-plane hosts under it"
        case .pattern(let pattern, let problem):
            return "host pattern '\(pattern)': \(problem)"
        }
    }
}
