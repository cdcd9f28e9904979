import Foundation

/// A kubeadm tool file: `kubeadm version [-o short|json]`, the read-only `kubeadm certs
/// check-expiration` and `kubeadm upgrade plan [VERSION] -o json` (`KubeadmReports`), and `kubeadm
/// upgrade apply VERSION` / `kubeadm upgrade node`, which the simulated cluster carries out (its one-minor rule and cluster
/// checks, with kubeadm's error texts). This stand-in enforces what only the binary knows, its own
/// version (kubeadm's `EnforceVersionPolicies` skew checks against the target), the `[y/N]` prompt
/// without `-y`, kubeadm v1.30's refusal of flags beside `--config`, and a `--config` file that must
/// exist. On success it leaves the node's files as kubeadm would: the control-plane static pod manifests
/// and the kubelet's `var/lib/kubelet/config.yaml` of the new version.
struct KubeadmStandIn {
    var context: StandInContext
    /// This binary's version, `v1.30.4`.
    var version: String

    /// kubeadm flags that take a separate value (`--config FILE`).
    private static let withValue: Set<String> = [
        "--config", "--kubeconfig", "--ignore-preflight-errors", "--skip-phases", "--patches", "-o", "--output",
        "--feature-gates", "--image-pull-timeout", "-v", "--v",
    ]

    func run() -> Int32 {
        let (words, flags) = Self.split(context.arguments)
        switch (words.first, words.dropFirst().first) {
        case ("version", _):
            return printVersion(output: flags["-o"] ?? flags["--output"])
        case ("upgrade", "apply"):
            return upgrade(command: "apply", target: words.dropFirst(2).first, flags: flags)
        case ("upgrade", "node"):
            return upgrade(command: "node", target: nil, flags: flags)
        case ("upgrade", "plan"):
            return plan(target: words.dropFirst(2).first, output: flags["-o"] ?? flags["--output"])
        case ("certs", "check-expiration"):
            let days = Int(context.environment[StandInContext.certificateDaysVariable] ?? "")
            context.out(KubeadmReports.checkExpiration(daysLeft: days ?? KubeadmReports.defaultDaysLeft))
            return 0
        default:
            return context.fail(
                "error", "k8sim: `kubeadm \(context.arguments.joined(separator: " "))` is not simulated")
        }
    }

    private func printVersion(output: String?) -> Int32 {
        let parsed = SimVersion(version) ?? SimVersion(0, 0, 0)
        let info =
            "{Major:\"\(parsed.major)\", Minor:\"\(parsed.minor)\", GitVersion:\"\(version)\", GitCommit:\"k8sim\","
            + " GitTreeState:\"clean\", BuildDate:\"2024-01-01T00:00:00Z\", GoVersion:\"go1.22.5\", Compiler:\"gc\","
            + " Platform:\"linux/amd64\"}"
        switch output {
        case "short": context.out(version + "\n")
        case "json":
            context.out(
                "{\n  \"clientVersion\": {\n    \"major\": \"\(parsed.major)\",\n    \"minor\": \"\(parsed.minor)\",\n"
                    + "    \"gitVersion\": \"\(version)\",\n    \"platform\": \"linux/amd64\"\n  }\n}\n")
        default: context.out("kubeadm version: &version.Info\(info)\n")
        }
        return 0
    }

    private func upgrade(command: String, target: String?, flags: [String: String]) -> Int32 {
        if let refusal = checkFlags(flags) { return refusal }
        let forced = flags["--force"] != nil || flags["-f"] != nil
        let requested: String
        if command == "apply" {
            guard let target, let wanted = SimVersion(target) else {
                return context.fail(
                    "error",
                    "missing or invalid version argument \"\(target ?? "")\" (ex.: kubeadm upgrade apply v1.30.4)")
            }
            if let refusal = checkSkew(wanted, forced: forced) { return refusal }
            requested = wanted.description
        } else {
            requested = version
        }
        if command == "apply" && !forced && flags["-y"] == nil && flags["--yes"] == nil {
            context.out("[upgrade] Are you sure you want to proceed? [y/N]: ")
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
            guard answer == "y" else {
                return context.fail("error", "won't proceed; the user didn't answer (Y|y) in order to continue")
            }
        }
        do {
            let node = try context.nodeName()
            let result = try context.cluster().kubeadm(node: node, .init(command: command, version: requested))
            context.out(result.stdout)
            context.err(result.stderr)
            if result.exitCode == 0 { try rewriteNodeFiles(version: requested) }
            return result.exitCode
        } catch {
            return context.fail("error", "k8sim: \(error)")
        }
    }

    /// kubeadm v1.30 takes no other flag beside `--config` (Kubespray issue #11350); the file must exist.
    private func checkFlags(_ flags: [String: String]) -> Int32? {
        guard let config = flags["--config"] else { return nil }
        guard FileManager.default.fileExists(atPath: config) else {
            return context.fail(
                "error", "unable to read config from \"\(config)\" : open \(config): no such file or directory")
        }
        let mixed = flags.keys.filter { !["--config", "--kubeconfig", "--dry-run"].contains($0) }
            .map { $0 == "-y" ? "yes" : $0 == "-f" ? "force" : String($0.drop(while: { $0 == "-" })) }.sorted()
        guard SimVersion(version)?.minor == 30, !mixed.isEmpty else { return nil }
        return context.fail("error", "can not mix '--config' with arguments [\(mixed.joined(separator: " "))]")
    }

    /// kubeadm's skew rules between itself and the target (`EnforceVersionPolicies`).
    private func checkSkew(_ target: SimVersion, forced: Bool) -> Int32? {
        guard let own = SimVersion(version) else { return nil }
        var mandatory: [String] = [], skippable: [String] = []
        if own < target {
            if target.minor > own.minor {
                mandatory.append(
                    "Specified version to upgrade to \"\(target)\" is at least one minor release higher than the kubeadm"
                        + " minor release (\(target.minor) > \(own.minor)). Such an upgrade is not supported")
            } else {
                skippable.append(
                    "Specified version to upgrade to \"\(target)\" is higher than the kubeadm version \"\(own)\". Upgrade"
                        + " kubeadm first using the tool you used to install kubeadm")
            }
        }
        if own.major > target.major || own.minor > target.minor {
            skippable.append(
                "Kubeadm version \(own) can only be used to upgrade to Kubernetes version \(own.major).\(own.minor)")
        }
        guard !mandatory.isEmpty || (!skippable.isEmpty && !forced) else { return nil }
        let errors = (mandatory + (forced ? [] : skippable)).map { "\t- " + $0 + "\n" }.joined()
        context.out("[upgrade/versions] kubeadm version: \(own)\n")
        context.err(
            "[upgrade/version] FATAL: the --version argument is invalid due to these errors:\n\n\(errors)\n"
                + (mandatory.isEmpty ? "Can be bypassed if you pass the --force flag\n" : "")
                + "To see the stack trace of this error execute with --v=5 or higher\n")
        return 1
    }

    private func plan(target: String?, output: String?) -> Int32 {
        do {
            let node = try context.nodeName()
            let report = try context.cluster().report(node: node)
            if output == "json" {
                guard let own = SimVersion(version), let cluster = SimVersion(report.clusterVersion),
                    let wanted = target.map({ SimVersion($0) }) ?? SimVersion(version)
                else {
                    return context.fail("error", "k8sim: invalid version argument \"\(target ?? "")\"")
                }
                context.out(
                    KubeadmReports.upgradePlan(
                        target: wanted, kubeadmVersion: own, clusterVersion: cluster, node: node,
                        kubeletVersion: report.kubeletVersion))
                return 0
            }
            context.out(
                "[upgrade/versions] Cluster version: \(report.clusterVersion)\n[upgrade/versions] kubeadm version: \(version)\n"
            )
            return 0
        } catch {
            return context.fail("error", "k8sim: \(error)")
        }
    }

    /// What kubeadm rewrites on the node: the kubelet configuration, and the static pods on control planes.
    private func rewriteNodeFiles(version: String) throws {
        let state = try context.loadState()
        try SandboxWriter(root: context.sandbox).file(
            "var/lib/kubelet/config.yaml", SandboxFiles.kubeletConfiguration(writtenBy: "kubeadm " + version))
        if state.controlPlane { try SandboxFiles.writeStaticPods(version: version, sandbox: context.sandbox) }
    }

    /// Positional words, and flags by name (`--x=v`, `--x v` for value flags, `-y` → "").
    private static func split(_ arguments: [String]) -> ([String], [String: String]) {
        var words: [String] = [], flags: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            guard word.hasPrefix("-") else {
                words.append(word)
                continue
            }
            if let equals = word.firstIndex(of: "=") {
                flags[String(word[..<equals])] = String(word[word.index(after: equals)...])
            } else if withValue.contains(word), index < arguments.count {
                flags[word] = arguments[index]
                index += 1
            } else {
                flags[word] = ""
            }
        }
        return (words, flags)
    }
}
