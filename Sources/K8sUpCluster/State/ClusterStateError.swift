import K8sUpSupport

/// Why cluster state could not be read from a snapshot file or from kubectl's output. All of these are
/// bad input data (exit code 65); each message names the file (or output), the line and column where that
/// is known, and what was expected. `command` is the kubectl command whose output the input should be.
package enum ClusterStateError: Error, Equatable, CustomStringConvertible {
    /// The snapshot file could not be read at all.
    case unreadable(path: String, reason: String)
    /// The input holds nothing but whitespace.
    case empty(source: String, command: String)
    /// The input is not JSON (or not UTF-8 text). `problem` is what the JSON reader expected at the place;
    /// `hint` says what the input looks like instead, when that is recognisable.
    case notJSON(SourceLocation, problem: String, hint: String?, command: String)
    /// The JSON stops in the middle of a value: the file or output was cut off.
    case truncated(SourceLocation, problem: String, command: String)
    /// Valid JSON of the wrong shape: the JSON path (`items[12].spec.minAvailable`) and what was expected
    /// and found there.
    case wrongShape(SourceLocation, path: String, problem: String)
    /// There are no Node objects in the input.
    case noNodes(source: String)
    /// A node reports a kubelet version that does not parse.
    case badKubeletVersion(SourceLocation, path: String, node: String, reason: String)
    /// `kubectl version -o json` printed no `serverVersion`: kubectl did not reach the apiserver.
    case noServerVersion(source: String)

    /// The command whose output a cluster snapshot is.
    static let snapshotCommand = "kubectl get nodes,pods,pdb -A -o json"

    package var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read cluster snapshot '\(path)': \(reason)"
        case .empty(let source, let command):
            return "\(source): there is no JSON in it; it should be the output of `\(command)`"
        case .notJSON(let location, let problem, let hint, let command):
            return "\(location): not JSON: \(problem); " + (hint ?? "it should be the output of `\(command)`")
        case .truncated(let location, let problem, let command):
            return "\(location): the JSON ends early (\(problem)): it looks cut off; "
                + "it should hold the whole output of `\(command)`"
        case .wrongShape(let location, let path, let problem):
            return "\(location): " + (path.isEmpty ? "" : "\(path): ") + problem
        case .noNodes(let source):
            return "\(source): the snapshot has no nodes; it should be the output of `\(Self.snapshotCommand)`"
        case .badKubeletVersion(let location, let path, let node, let reason):
            return "\(location): \(path): node '\(node)' reports a kubelet version k8sup cannot read: \(reason)"
        case .noServerVersion(let source):
            return "\(source): there is no serverVersion: kubectl did not get an answer from the cluster's "
                + "API server (check the kubeconfig and context it uses)"
        }
    }
}
