/// `<state>/k8sim.json`: what `k8sim serve` writes for the node stand-ins (the `ssh` stand-in and the
/// tools in each node's sandbox) to find the simulator: its URL and, for each address an inventory's
/// ssh command can name, the node and its sandbox directory.
package struct SimStateFile: Codable, Sendable, Equatable {
    package struct NodeEntry: Codable, Sendable, Equatable {
        /// Kubernetes node name.
        package var node: String
        /// The node's sandbox: the remote shell runs with this as its working directory, so relative
        /// paths in playbook vars (`bin_dir: usr/local/bin`) land inside it.
        package var sandbox: String

        package init(node: String, sandbox: String) {
            self.node = node
            self.sandbox = sandbox
        }
    }

    /// The fake apiserver, `http://127.0.0.1:PORT`.
    package var url: String
    /// By every name a host can be reached at (inventory name, `ansible_host`, node name).
    package var nodes: [String: NodeEntry]
    /// The k8sim executable the stand-ins in the sandboxes link to.
    package var executable: String

    package init(url: String, nodes: [String: NodeEntry], executable: String) {
        self.url = url
        self.nodes = nodes
        self.executable = executable
    }

    package static let fileName = "k8sim.json"
}
