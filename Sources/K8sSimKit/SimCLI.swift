import Foundation

/// The `k8sim` executable: `k8sim serve …`, and — when started under a tool's name through a link in a
/// node's sandbox (`ssh`, `systemctl`, `apt-get`, …) or through a versioned tool file
/// (`k8sim k8sim-tool kubelet v1.30.4 --version`) — that tool's stand-in.
package enum SimCLI {
    /// `arguments` is the whole argv, `arguments[0]` included (it names the stand-in).
    package static func main(arguments: [String]) async -> Int32 {
        let program = arguments.first ?? "k8sim"
        let name = program.split(separator: "/").last.map(String.init) ?? program
        let rest = Array(arguments.dropFirst())
        let environment = ProcessInfo.processInfo.environment
        if StandIns.linkedTools.contains(name) {
            return StandIns.run(tool: name, arguments: rest, environment: environment, programPath: program)
        }
        if rest.first == ToolFile.marker, rest.count >= 3 {
            return StandIns.runToolFile(
                tool: rest[1], version: rest[2], arguments: Array(rest.dropFirst(3)), environment: environment)
        }
        if rest.first == "serve" {
            return await ServeCommand.run(arguments: Array(rest.dropFirst()))
        }
        FileHandle.standardError.write(Data(usage.utf8))
        return 64
    }

    static let usage = """
        usage: k8sim serve [options]      a simulated kubeadm cluster (fake kube-apiserver and nodes)

        Linked as ssh, sudo, systemctl, journalctl, apt-get, apt-mark, apt-cache, dnf, yum, curl, gpg or etcdctl,
        k8sim is that tool's stand-in on a simulated node.

        """
}
