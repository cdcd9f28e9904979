/// A plan that names a host the script has no playbook or connection for (an internal mismatch).
enum ScriptError: Error, CustomStringConvertible {
    case missingHost(String)

    var description: String {
        switch self {
        case .missingHost(let host): return "no playbook or connection was prepared for host \(host)"
        }
    }
}
