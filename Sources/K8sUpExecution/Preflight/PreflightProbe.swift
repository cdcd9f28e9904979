import Foundation
import K8sUpInventory
import K8sUpPlanning
import K8sUpSupport

/// Runs pre-flight on the nodes, read-only, `forks` hosts at a time, and gathers what it reads into
/// `PreflightFacts` for the planner: on every host with a node to upgrade, whether ssh and `sudo -n`
/// work and the free space on the paths its playbook writes; on the control-plane ones among them, the
/// certificates' expiry; on the first control-plane host, per hop, the package version and the component
/// versions. A failure is a fact too (the host is unreachable, a command failed): gathering never throws.
package struct PreflightProbe: Sendable {
    package init(commands: PreflightCommands, runner: any CommandRunning, forks: Int = 10) {
        self.commands = commands
        self.runner = runner
        self.forks = forks
    }

    package let commands: PreflightCommands
    package let runner: any CommandRunning
    package var forks: Int = 10

    static let minimumFreeVariable = "k8sup_min_free_mb"
    static let defaultMinimumFreeMB = 2048

    /// Reads the facts for `plan`'s node upgrades; `firstControlPlane` is the inventory's first
    /// control-plane host, where versions are discovered.
    package func gather(for plan: UpgradePlan, firstControlPlane: ClusterRoles.Node?) async -> PreflightFacts {
        var targets: [UpgradePlan.NodeUpgrade] = []
        for node in plan.hops.flatMap(\.nodes) where !targets.contains(where: { $0.host == node.host }) {
            targets.append(node)
        }
        guard !targets.isEmpty else { return PreflightFacts() }
        var facts = PreflightFacts(notRun: notRun(targets, firstControlPlane: firstControlPlane))
        let discovery = firstControlPlane.map { first in
            discoveryTarget(first, plan: plan)
        }
        let hostFacts = await inParallel(targets) { await self.host($0, hopVersion: plan.hops[0].version) }
        for (node, found) in zip(targets, hostFacts) { facts.hosts[node.host] = found }
        if let discovery {
            var reach = facts.hosts[discovery.host]?.reach
            if reach == nil { reach = await self.reach(discovery.host) }
            for hop in plan.hops {
                facts.hops[hop.version] = await self.hop(hop.version, on: discovery, reach: reach ?? .reachable)
            }
        }
        return facts
    }

    /// Checks the playbooks leave out, once per playbook.
    private func notRun(_ targets: [UpgradePlan.NodeUpgrade], firstControlPlane: ClusterRoles.Node?) -> [String] {
        func playbooks(_ hosts: [String], lacking: (Playbook) -> Bool) -> [String] {
            var names: [String] = []
            for host in hosts {
                guard let playbook = commands.playbook(of: host), lacking(playbook) else { continue }
                if !names.contains(playbook.name) { names.append(playbook.name) }
            }
            return names
        }
        let controlPlane = targets.filter { $0.clusterRole == .controlPlane }.map(\.host)
        var notes = playbooks(targets.map(\.host)) { $0.writes.isEmpty }.map {
            "free disk: playbook \($0) declares no writes:"
        }
        notes += playbooks(controlPlane) { !$0.defines(.certExpiration) }.map {
            "control-plane certificate expiry: playbook \($0) has no cert_expiration step"
        }
        notes += playbooks(firstControlPlane.map { [$0.host] } ?? []) { !$0.defines(.componentVersions) }.map {
            "component versions: playbook \($0) has no component_versions step"
        }
        return notes
    }

    /// The first control-plane host as a node of the plan: its own entry when it is upgraded, else its
    /// current version.
    private func discoveryTarget(_ first: ClusterRoles.Node, plan: UpgradePlan) -> UpgradePlan.NodeUpgrade {
        if let planned = plan.hops.flatMap(\.nodes).first(where: { $0.host == first.host }) { return planned }
        let from = plan.current.kubelets[first.nodeName] ?? plan.current.controlPlane ?? plan.target.version
        return UpgradePlan.NodeUpgrade(
            order: 0, host: first.host, node: first.nodeName, role: ClusterRoles.Role.controlPlane.rawValue,
            from: from, batch: nil, steps: [])
    }

    private func host(_ node: UpgradePlan.NodeUpgrade, hopVersion: String) async -> PreflightFacts.HostFacts {
        let route = commands.factory.route(of: node.host)
        var found = PreflightFacts.HostFacts(node: node.node, route: route, reach: await reach(node.host))
        guard found.reach == .reachable else { return found }
        let minimum = minimumFreeMB(node.host)
        do {
            if let disk = try commands.diskFree(node, hopVersion: hopVersion) {
                let result = try await runner.run(disk.command)
                if result.succeeded {
                    do {
                        found.disk = .init(minimumMB: minimum, paths: try DiskFreeReport.parse(result.stdout))
                    } catch {
                        found.disk = .init(minimumMB: minimum, error: error.description)
                    }
                } else {
                    found.disk = .init(minimumMB: minimum, error: Self.failure(result))
                }
            }
        } catch {
            found.disk = .init(minimumMB: minimum, error: ErrorText.describe(error))
        }
        if node.clusterRole == .controlPlane {
            found.certificates = await certificates(node, hopVersion: hopVersion)
        }
        return found
    }

    private func reach(_ host: String) async -> PreflightFacts.Reach {
        guard let probe = commands.reach(host) else { return .unreachable("no connection settings for \(host)") }
        let result: CommandResult
        do {
            result = try await runner.run(probe.command)
        } catch {
            return .unreachable(ErrorText.describe(error))
        }
        if result.succeeded { return .reachable }
        if result.timedOut {
            return .unreachable("no answer within \(probe.command.timeout.compactDescription)")
        }
        let message = Self.lastLine(result.stderr) ?? Self.lastLine(result.stdout)
        if result.exitStatus == 255 { return .unreachable(message ?? "ssh exited 255") }
        let user = commands.factory.connections[host]?.user
        return .sudoFails(user: user, message: message ?? "exit \(result.exitStatus)")
    }

    private func certificates(_ node: UpgradePlan.NodeUpgrade, hopVersion: String) async -> PreflightFacts.Certificates?
    {
        let renewed = renewsCertificates(node.host)
        do {
            let lines = try commands.step(.certExpiration, node, hopVersion: hopVersion)
            guard let last = lines.last else { return nil }
            let kubeadm = last.shownLine.components(separatedBy: " certs ").first ?? "kubeadm"
            var output = ""
            for line in lines {
                let result = try await runner.run(line.command)
                guard result.succeeded else {
                    return .init(entries: [], renewedByUpgrade: renewed, kubeadm: kubeadm, error: Self.failure(result))
                }
                output = result.stdout
            }
            do {
                return .init(
                    entries: try CertificateExpirationTable.parse(output), renewedByUpgrade: renewed, kubeadm: kubeadm)
            } catch {
                return .init(entries: [], renewedByUpgrade: renewed, kubeadm: kubeadm, error: error.description)
            }
        } catch {
            return .init(entries: [], renewedByUpgrade: renewed, kubeadm: "kubeadm", error: ErrorText.describe(error))
        }
    }

    private func hop(
        _ version: String, on node: UpgradePlan.NodeUpgrade, reach: PreflightFacts.Reach
    ) async -> PreflightFacts.HopFacts {
        var found = PreflightFacts.HopFacts(host: node.host)
        guard reach == .reachable else {
            let why = "\(node.node) did not answer over ssh"
            found.packageNote = why
            found.componentsNote = why
            return found
        }
        switch await run(.discoverVersions, node, hopVersion: version) {
        case .success(let output):
            let last = output.split(whereSeparator: \.isNewline).last.map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if let last, !last.isEmpty {
                found.packageVersion = last
            } else {
                found.packageNote = "discover_versions printed nothing on \(node.node)"
            }
        case .failure(let note):
            found.packageNote = "discover_versions failed on \(node.node): \(note.text)"
        case .absent:
            found.packageNote = "the playbook has no discover_versions commands"
        }
        switch await run(.componentVersions, node, hopVersion: version) {
        case .success(let output):
            do {
                let components = try KubeadmUpgradePlanReport.components(output)
                if components.isEmpty {
                    found.componentsNote = "kubeadm upgrade plan on \(node.node) reported no upgrade to \(version)"
                } else {
                    found.components = components
                }
            } catch {
                found.componentsNote = error.description
            }
        case .failure(let note) where note.status == 3:
            found.componentsNote = "\(node.node): \(note.text); pre-flight installs nothing"
        case .failure(let note):
            found.componentsNote = "kubeadm upgrade plan failed on \(node.node): \(note.text)"
        case .absent:
            found.componentsNote = "the playbook has no component_versions step"
        }
        return found
    }

    /// How a playbook step ended on the node: its last command's output, a failure, or no commands.
    private enum StepOutcome {
        case success(String)
        case failure(Note)
        case absent

        /// A failed command's exit status and what it said.
        struct Note {
            var status: Int32
            var text: String
        }
    }

    /// Runs a playbook step's lines in order; the output of the last.
    private func run(_ step: PlaybookStep, _ node: UpgradePlan.NodeUpgrade, hopVersion: String) async -> StepOutcome {
        do {
            let lines = try commands.step(step, node, hopVersion: hopVersion)
            guard !lines.isEmpty else { return .absent }
            var output = ""
            for line in lines {
                let result = try await runner.run(line.command)
                guard result.succeeded else {
                    return .failure(.init(status: result.exitStatus, text: Self.failure(result)))
                }
                output = result.stdout
            }
            return .success(output)
        } catch {
            return .failure(.init(status: -1, text: ErrorText.describe(error)))
        }
    }

    private func minimumFreeMB(_ host: String) -> Int {
        switch commands.factory.hostVariables[host]?[Self.minimumFreeVariable] {
        case .int(let value)?: return value
        case .string(let text)?: return Int(text.trimmingCharacters(in: .whitespaces)) ?? Self.defaultMinimumFreeMB
        default: return Self.defaultMinimumFreeMB
        }
    }

    /// `kubeadm_upgrade_auto_cert_renewal` for the host (the inventory's, else the playbook's default):
    /// anything but a false value keeps kubeadm's default, which renews.
    private func renewsCertificates(_ host: String) -> Bool {
        let name = "kubeadm_upgrade_auto_cert_renewal"
        let value =
            commands.factory.hostVariables[host]?[name]
            ?? commands.playbook(of: host)?.variable(named: name)?
            .defaultValue
        switch value {
        case .bool(let flag)?: return flag
        case .string(let text)?: return !["false", "no", "off", "0"].contains(text.lowercased())
        default: return true
        }
    }

    /// `exit 1: <last lines of stderr>`, or what happened to a command that did not finish.
    private static func failure(_ result: CommandResult) -> String {
        if result.timedOut { return "no answer within the time allowed" }
        let tail = result.stderrTail(lines: 3).replacingOccurrences(of: "\r", with: "")
        return tail.isEmpty ? "exit \(result.exitStatus)" : tail.replacingOccurrences(of: "\n", with: " / ")
    }

    private static func lastLine(_ text: String) -> String? {
        text.replacingOccurrences(of: "\r", with: "").split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.last { !$0.isEmpty }
    }

    /// `work` for each item, at most `forks` at a time, results in the items' order.
    private func inParallel<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ work: @escaping @Sendable (Item) async -> Result
    ) async -> [Result] {
        await withTaskGroup(of: (Int, Result).self) { group in
            var next = 0
            var results: [Int: Result] = [:]
            for _ in 0..<min(max(1, forks), items.count) {
                let index = next
                group.addTask { (index, await work(items[index])) }
                next += 1
            }
            while let (index, result) = await group.next() {
                results[index] = result
                if next < items.count {
                    let index = next
                    group.addTask { (index, await work(items[index])) }
                    next += 1
                }
            }
            return items.indices.compactMap { results[$0] }
        }
    }
}
