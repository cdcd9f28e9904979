import Foundation

/// A kubectl tool file on a node: `kubectl version --client`, and the etcd snapshot through the etcd
/// static pod, `kubectl [--kubeconfig=F] [-n NS] exec etcd-NODE [-c C] -- etcdctl …`.
struct KubectlStandIn {
    var context: StandInContext
    var version: String

    func run() -> Int32 {
        let arguments = context.arguments
        let split = arguments.firstIndex(of: "--")
        let own = Array(arguments[..<(split ?? arguments.endIndex)])
        let words = Self.positional(own)
        switch words.first {
        case "version":
            context.out("Client Version: \(version)\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\n")
            return 0
        case "exec":
            guard let split, words.count >= 2 else {
                return context.fail("error", "k8sim: kubectl exec needs POD -- COMMAND")
            }
            if let kubeconfig = Self.value(of: "--kubeconfig", in: own),
                !FileManager.default.fileExists(atPath: kubeconfig)
            {
                return context.fail("error", "stat \(kubeconfig): no such file or directory")
            }
            let node = context.environment["K8SIM_NODE"] ?? ""
            let pod = words[1]
            guard pod == "etcd-" + node else {
                return context.fail("Error from server (NotFound)", "pods \"\(pod)\" not found")
            }
            let command = Array(arguments[(split + 1)...])
            guard command.first == "etcdctl" else {
                return context.fail("error", "k8sim: only etcdctl runs in the simulated etcd pod", status: 126)
            }
            var etcdctl = context
            etcdctl.arguments = Array(command.dropFirst())
            return EtcdctlStandIn(context: etcdctl).run()
        default:
            return context.fail(
                "error", "k8sim: kubectl on a node runs only `version` and `exec etcd-NODE -- etcdctl …`")
        }
    }

    /// kubectl's global options that take a separate value.
    private static let withValue: Set<String> = [
        "-n", "--namespace", "--kubeconfig", "-c", "--container", "--context", "-o", "--output", "-s", "--server",
    ]

    private static func positional(_ words: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            if withValue.contains(word) {
                index += 1
            } else if !word.hasPrefix("-") {
                result.append(word)
            }
        }
        return result
    }

    private static func value(of option: String, in words: [String]) -> String? {
        for (index, word) in words.enumerated() {
            if word.hasPrefix(option + "=") { return String(word.dropFirst(option.count + 1)) }
            if word == option, index + 1 < words.count { return words[index + 1] }
        }
        return nil
    }
}
