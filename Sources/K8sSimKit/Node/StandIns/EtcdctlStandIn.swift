import Foundation

/// `etcdctl` of a simulated etcd member, on the host (Kubespray's `bin_dir/etcdctl`) or in the etcd
/// static pod through `kubectl exec`: `snapshot save PATH` writes a snapshot file (its directory must
/// exist, as for the real one), `version`, `endpoint health`.
struct EtcdctlStandIn {
    var context: StandInContext
    /// The etcdctl version a tool file carries.
    var version = NodeSandbox.etcdctlVersion

    func run() -> Int32 {
        let words = context.arguments.filter { !$0.hasPrefix("-") }
        switch words.first {
        case "snapshot" where words.count >= 3 && words[1] == "save":
            return save(to: words[2])
        case "version":
            context.out("etcdctl version: \(version.dropFirst())\nAPI version: 3.5\n")
            return 0
        case "endpoint" where words.dropFirst().first == "health":
            context.out("https://127.0.0.1:2379 is healthy: successfully committed proposal: took = 1.234ms\n")
            return 0
        default:
            return context.fail("Error", "k8sim: `etcdctl \(words.joined(separator: " "))` is not simulated")
        }
    }

    private func save(to path: String) -> Int32 {
        let partial = path + ".part"
        let node = context.environment["K8SIM_NODE"] ?? "node"
        let contents = Data("k8sim etcd snapshot of \(node) at \(Date())\n".utf8)
        guard FileManager.default.createFile(atPath: partial, contents: contents) else {
            return context.fail("Error", "could not open \(partial) (open \(partial): no such file or directory)")
        }
        guard rename(partial, path) == 0 else {
            return context.fail("Error", "could not rename \(partial) to \(path)")
        }
        context.out("Snapshot saved at \(path)\n")
        return 0
    }
}
