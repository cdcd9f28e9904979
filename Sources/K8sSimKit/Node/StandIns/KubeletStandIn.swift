/// A kubelet tool file: `kubelet --version` prints `Kubernetes vX.Y.Z`. The simulated kubelet "runs"
/// only as far as `systemctl` reports it to the cluster.
struct KubeletStandIn {
    var context: StandInContext
    var version: String

    func run() -> Int32 {
        if context.arguments.contains("--version") || context.arguments.first == "version" {
            context.out("Kubernetes \(version)\n")
            return 0
        }
        return context.fail("kubelet", "k8sim: the simulated kubelet runs through `systemctl restart kubelet` only")
    }
}
