import Foundation

/// The node stand-ins of the k8sim multi-call executable: started under a tool's name (a link in a
/// sandbox's `.k8sim/bin`, or the state directory's `bin/ssh`), or through a `ToolFile` as
/// `k8sim k8sim-tool TOOL VERSION ARGS…` for the versioned binaries.
package enum StandIns {
    /// The tools started by the name they are linked under.
    package static let linkedTools: Set<String> = [
        "ssh", "sudo", "systemctl", "apt-get", "apt-mark", "apt-cache", "dnf", "yum", "curl", "gpg", "etcdctl",
        "df",
        "journalctl",
    ]

    /// Runs the stand-in for `tool` (a name in `linkedTools`) with its arguments (argv without argv[0]);
    /// `programPath` is argv[0], which the ssh stand-in uses to find the state directory. Returns the exit
    /// status, unless the stand-in becomes another program (`ssh` → `/bin/sh`, `sudo` → the command).
    package static func run(
        tool: String, arguments: [String], environment: [String: String], programPath: String = ""
    ) -> Int32 {
        let context = StandInContext(arguments: arguments, environment: environment)
        switch tool {
        case "ssh": return SSHStandIn(context: context, programPath: programPath).run()
        case "sudo": return SudoStandIn(context: context).run()
        case "systemctl": return SystemctlStandIn(context: context).run()
        case "apt-get": return AptGetStandIn(context: context).run()
        case "apt-mark": return AptMarkStandIn(context: context).run()
        case "apt-cache": return AptCacheStandIn(context: context).run()
        case "dnf", "yum": return DnfStandIn(context: context).run()
        case "curl": return CurlStandIn(context: context).run()
        case "gpg": return GpgStandIn(context: context).run()
        case "etcdctl": return EtcdctlStandIn(context: context).run()
        case "df": return DfStandIn(context: context).run()
        case "journalctl": return JournalctlStandIn(context: context).run()
        default: return context.fail("k8sim", "no stand-in named \(tool)", status: 127)
        }
    }

    /// Runs a versioned tool file's tool: `kubeadm`, `kubelet`, `kubectl` or `etcdctl` at `version`.
    package static func runToolFile(
        tool: String, version: String, arguments: [String], environment: [String: String]
    ) -> Int32 {
        let context = StandInContext(arguments: arguments, environment: environment)
        switch tool {
        case "kubeadm": return KubeadmStandIn(context: context, version: version).run()
        case "kubelet": return KubeletStandIn(context: context, version: version).run()
        case "kubectl": return KubectlStandIn(context: context, version: version).run()
        case "etcdctl": return EtcdctlStandIn(context: context, version: version).run()
        default: return context.fail("k8sim", "no tool file for \(tool)", status: 127)
        }
    }
}
