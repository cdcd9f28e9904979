/// The `k8sim` executable: `k8sim serve …`, and — when started under a tool's name through a link in a
/// node's sandbox (`ssh`, `kubeadm`, `kubelet`, `systemctl`, …) — that tool's stand-in.
public enum SimCLI {
    /// `arguments` is the whole argv, `arguments[0]` included (it names the stand-in).
    public static func main(arguments: [String]) async -> Int32 {
        64
    }
}
