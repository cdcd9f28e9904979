import K8sUpReaders
import K8sUpSupport
import PythonParity

/// What the node stand-ins report and ask for (`NodeAPI`): kubelet starts and stops, and kubeadm's
/// upgrade commands with kubeadm's version rules and messages.
extension ClusterData {
    func nodeReport(_ name: String) -> NodeAPI.NodeReport? {
        guard let state = nodes[name] else { return nil }
        let node = get(.nodes, "", name)
        return NodeAPI.NodeReport(
            node: name, controlPlane: state.controlPlane, ready: node.map(Self.isReady) ?? false,
            kubeletVersion: node?.string("status", "nodeInfo", "kubeletVersion") ?? state.kubeletVersion,
            staticPodVersion: state.staticPodVersion, clusterVersion: clusterVersion)
    }

    func nodeFaults(_ name: String) -> NodeAPI.NodeFaults {
        let unreachable = faults.contains { fault in
            if case .unreachable(let node) = fault { return node == name }
            return false
        }
        var found = NodeAPI.NodeFaults(
            unreachable: unreachable, commandDelaySeconds: delays.command, downloadDelaySeconds: delays.download)
        for case .node(let fault) in faults { fault.apply(to: &found, node: name) }
        return found
    }

    func kubeletFails(on name: String, version: String) -> Bool {
        kubeletFault(on: name, version: version) != nil
    }

    /// The `kubelet-fails` fault that makes `version` fail on node `name`, if any.
    func kubeletFault(on name: String, version: String) -> SimFault? {
        faults.first { fault in
            guard case .kubeletFails(let node, let faultVersion, _, _, _) = fault, node == name else { return false }
            guard let faultVersion else { return version != seededVersion }
            return Self.sameVersion(faultVersion, version)
        }
    }

    static func sameVersion(_ lhs: String, _ rhs: String) -> Bool {
        guard let left = SimVersion(lhs), let right = SimVersion(rhs) else { return lhs == rhs }
        return left == right
    }

    /// A kubelet (re)start or stop. A started kubelet posts Ready (and its version) after `kubeletStart`,
    /// unless a fault makes that version fail on this node; then the node stays NotReady at its old version.
    mutating func kubelet(_ name: String, report: NodeAPI.KubeletReport) -> NodeAPI.NodeReport? {
        guard var state = nodes[name] else { return nil }
        let version = report.version.hasPrefix("v") ? report.version : "v" + report.version
        if let unit = state.kubeletUnit {
            state.kubeletJournal += unit.journal(node: name, at: now) + unit.stopping(node: name, at: now)
        } else if state.kubeletRunning {
            state.kubeletJournal += KubeletUnit(run: .running, startedAt: now, version: "", invocation: 0)
                .stopping(node: name, at: now)
        }
        state.kubeletJournal = Array(state.kubeletJournal.suffix(SimNodeState.journalLimit))
        state.kubeletVersion = version
        state.kubeletRunning = report.running
        state.kubeletEpoch += 1
        state.kubeletUnit = startedUnit(name, report: report, version: version, invocation: state.kubeletEpoch)
        nodes[name] = state
        let time = nowText
        if !report.running {
            update(.nodes, "", name) { ObjectFactory.setNodeReady(&$0, status: "Unknown", now: time) }
        } else if kubeletFails(on: name, version: version) {
            update(.nodes, "", name) { ObjectFactory.setNodeReady(&$0, status: "False", now: time) }
        } else {
            if delays.kubeletStart > 0 {
                update(.nodes, "", name) { ObjectFactory.setNodeReady(&$0, status: "False", now: time) }
            }
            schedule(.nodeReady(node: name, epoch: state.kubeletEpoch), after: delays.kubeletStart)
            advance(to: now)
        }
        return nodeReport(name)
    }

    /// `kubeadm upgrade apply VERSION` or `kubeadm upgrade node` run on `name`. `kubeadmVersion` is the
    /// kubeadm binary's version when the stand-in sends it (else apply assumes the target's).
    mutating func kubeadm(_ name: String, command: String, version: String, kubeadmVersion: String?)
        -> NodeAPI.KubeadmResult?
    {
        guard let state = nodes[name] else { return nil }
        for fault in faults {
            if case .kubeadmFails(let node, let message, let only) = fault, node == name, only == nil || only == command
            {
                return failure(message)
            }
        }
        switch command {
        case "apply":
            guard state.controlPlane else {
                return failure(
                    "failed to load admin kubeconfig: open /etc/kubernetes/admin.conf: no such file or directory")
            }
            return apply(name, version: version, kubeadmVersion: kubeadmVersion ?? version)
        case "node":
            guard state.controlPlane else {
                return NodeAPI.KubeadmResult(exitCode: 0, stdout: workerOutput, stderr: "")
            }
            moveStaticPods(name, to: clusterVersion)
            return NodeAPI.KubeadmResult(
                exitCode: 0,
                stdout:
                    "[upgrade] Reading configuration from the \"kubeadm-config\" ConfigMap in namespace \"kube-system\"...\n"
                    + "[upgrade/preflight] Running pre-flight checks\n"
                    + "[upgrade/control-plane] Upgrading your Static Pod-hosted control plane instance to version \"\(clusterVersion)\"...\n"
                    + "[upgrade] The control plane instance for this node was successfully upgraded!\n"
                    + "[upgrade/kubelet-config] The kubelet configuration for this node was successfully upgraded!\n",
                stderr: "")
        default:
            return failure("unknown command \"\(command)\" for \"kubeadm upgrade\"")
        }
    }

    private mutating func apply(_ name: String, version: String, kubeadmVersion: String) -> NodeAPI.KubeadmResult {
        guard let target = SimVersion(version), let cluster = SimVersion(clusterVersion) else {
            return failure("version \"\(version)\" is not a valid Kubernetes version")
        }
        let quoted = "\"\(target.release)\""
        var errors: [String] = []
        if target.minor > cluster.minor + 1 {
            errors.append(
                "Specified version to upgrade to \(quoted) is too high; kubeadm can upgrade only 1 minor version at a time"
            )
        }
        if target.minor < cluster.minor - 1 {
            errors.append(
                "Specified version to downgrade to \(quoted) is too low; kubeadm can downgrade only 1 minor version at a time"
            )
        }
        if let kubeadm = SimVersion(kubeadmVersion), target.minor > kubeadm.minor {
            errors.append(
                "Specified version to upgrade to \(quoted) is at least one minor release higher than the kubeadm minor release "
                    + "(\(target.minor) > \(kubeadm.minor)). Such an upgrade is not supported")
        }
        if !errors.isEmpty {
            return failure(
                "error execution phase preflight: the version argument is invalid due to these fatal errors:\n\n"
                    + errors.map { "\t- \($0)\n" }.joined()
                    + "\nPlease fix the misalignments highlighted above and try upgrading again")
        }
        let notReady = nodes.filter { $0.value.controlPlane && !nodeIsReady($0.key) }.keys.sorted()
        if !notReady.isEmpty {
            return failure(
                "error execution phase preflight: [preflight] Some fatal errors occurred:\n"
                    + "\t[ERROR ControlPlaneNodesReady]: there are NotReady control-planes in the cluster: [\(notReady.joined(separator: " "))]\n"
                    + "[preflight] If you know what you are doing, you can make a check non-fatal with `--ignore-preflight-errors=...`"
            )
        }
        let newVersion = target.release.description
        clusterVersion = newVersion
        moveStaticPods(name, to: newVersion)
        return NodeAPI.KubeadmResult(
            exitCode: 0,
            stdout: "[upgrade/preflight] You have chosen to upgrade the cluster version to \"\(newVersion)\"\n"
                + "[upgrade/staticpods] Component \"kube-apiserver\" upgraded successfully!\n"
                + "[upgrade] SUCCESS! A control plane node of your cluster was upgraded to \"\(newVersion)\".\n\n"
                + "[upgrade] Now please proceed with upgrading the rest of the nodes by following the right order.\n",
            stderr: "")
    }

    /// Moves the node's control-plane static pods (not etcd) to `version`.
    mutating func moveStaticPods(_ name: String, to version: String) {
        guard nodes[name]?.controlPlane == true else { return }
        nodes[name]?.staticPodVersion = version
        let time = nowText
        for component in ObjectFactory.staticComponents where component != "etcd" {
            update(.pods, "kube-system", "\(component)-\(name)") { pod in
                pod[["spec", "containers"]] = [
                    [
                        "name": .string(component),
                        "image": .string(ObjectFactory.componentImage(component, version: version)),
                    ]
                ]
                pod[["status", "containerStatuses"]] = nil
                ObjectFactory.setPodReady(&pod, ready: true, now: time)
            }
        }
    }

    private func failure(_ message: String) -> NodeAPI.KubeadmResult {
        NodeAPI.KubeadmResult(
            exitCode: 1, stdout: "",
            stderr: message + "\nTo see the stack trace of this error execute with --v=5 or higher\n")
    }

    private var workerOutput: String {
        "[upgrade] Reading configuration from the \"kubeadm-config\" ConfigMap in namespace \"kube-system\"...\n"
            + "[upgrade/preflight] Running pre-flight checks\n"
            + "[upgrade/preflight] Skipping prepull. Not a control plane node.\n"
            + "[upgrade/control-plane] Skipping phase. Not a control plane node.\n"
            + "[upgrade/kubeconfig] Skipping phase. Not a control plane node.\n"
            + "[upgrade/kubelet-config] The kubelet configuration for this node was successfully upgraded!\n"
            + "[upgrade/addon] Skipping the addon/coredns phase. Not a control plane node.\n"
    }
}
