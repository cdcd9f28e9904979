import Foundation
import K8sUpReaders
import K8sUpSupport
import PythonParity

/// Writes a simulated cluster's state directory (see `SimServer`): sandboxes, the ssh stand-in, the
/// state file, the kubeconfig and the inventory overlay.
struct SimStateWriter {
    let state: String
    let executable: String
    let layout: SandboxLayout
    /// Where the node stand-ins reach the simulator (`k8sim.json`).
    let url: String
    /// The apiserver, for the kubeconfig.
    let apiURL: String
    let cluster: SimCluster
    let roster: SimNodeRoster

    func write() throws {
        let files = FileManager.default
        try files.createDirectory(atPath: state + "/nodes", withIntermediateDirectories: true)
        try NodeSandbox.linkStandIns(["ssh"], in: state + "/bin", executable: executable)
        var entries: [String: SimStateFile.NodeEntry] = [:]
        var overlay = "# Written by k8sim serve: add after the cluster's inventory (-i INVENTORY -i this file).\n"
        overlay += "# Host vars, so they win over the inventory's group_vars.\nall:\n  hosts:\n"
        for node in roster.nodes {
            let sandbox = state + "/nodes/" + node.name
            let version = cluster.nodeReport(node.name)?.kubeletVersion ?? cluster.clusterVersion
            guard let kubeVersion = SimVersion(version) else { throw SimClusterError("\(version) is not a version") }
            try NodeSandbox.create(
                at: sandbox, node: node.name, version: kubeVersion, layout: layout,
                controlPlane: node.controlPlane, executable: executable)
            let entry = SimStateFile.NodeEntry(node: node.name, sandbox: sandbox)
            entries[node.host] = entry
            entries[node.name] = entry
            if let address = node.address {
                entries[address] = entry
            }
            overlay += "    \(Self.yamlString(node.host)):\n"
            overlay += "      ansible_ssh_executable: \(Self.yamlString(state + "/bin/ssh"))\n"
            overlay += "      k8sup_playbook: \(layout.playbookName)\n"
            overlay += "      k8sup_snapshot: \"\"\n"
            for (name, value) in layout.playbookVariables.sorted(by: { $0.key < $1.key }) {
                overlay += "      \(name): \(Self.yamlString(value))\n"
            }
        }
        let stateFile = SimStateFile(url: url, nodes: entries, executable: executable)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(stateFile).write(to: URL(fileURLWithPath: state + "/" + SimStateFile.fileName))
        try KubeconfigWriter.text(server: apiURL, clusterName: "k8sim").write(
            toFile: state + "/kubeconfig", atomically: true, encoding: .utf8)
        try overlay.write(toFile: state + "/inventory.yaml", atomically: true, encoding: .utf8)
    }

    /// A double-quoted YAML scalar (JSON string rules are valid YAML).
    static func yamlString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
