import Foundation
import K8sUpSupport

/// Reads the live cluster through `kubectl` (never directly over HTTP): the nodes, pods and PDBs the
/// planner needs, and the live-only facts — kubectl's and the apiserver's versions, deprecated API use
/// from the apiserver's metrics, etcd health from `/readyz/etcd`. Every read is idempotent and marked
/// for retry after a transient failure of the cluster API within the operation budget (a retrying
/// runner acts on it; `/readyz/etcd` answering that etcd is unhealthy is an answer, not retried).
package struct KubectlClusterReader {
    package init(
        runner: any CommandRunning, kubectl: String, kubeconfig: String?, context: String?,
        fileSystem: any FileSystemReading = LocalFileSystem(),
        searchPath: String? = ProcessInfo.processInfo.environment["PATH"],
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.runner = runner
        self.kubectl = kubectl
        self.kubeconfig = kubeconfig
        self.context = context
        self.fileSystem = fileSystem
        self.searchPath = searchPath
        self.environment = environment
    }

    package let runner: any CommandRunning
    /// `kubectl`, or the path given with `--kubectl`.
    package let kubectl: String
    package let kubeconfig: String?
    package let context: String?
    /// For finding versioned kubectls beside the one named.
    package var fileSystem: any FileSystemReading = LocalFileSystem()
    package var searchPath: String? = ProcessInfo.processInfo.environment["PATH"]
    /// The environment kubectl runs with (KUBECONFIG, HOME), to tell a missing configuration apart.
    package var environment: [String: String] = ProcessInfo.processInfo.environment

    /// Everything `kubectl get nodes,pods,pdb -A -o json` returns on a 5,000-node cluster fits in this.
    package static let stateOutputLimit = OutputLimit.head(2 * 1024 * 1024 * 1024)

    /// What the planner reads.
    /// - Throws: `ClusterReadError` with kubectl's own message when kubectl fails (`.noKubeconfig` when
    ///   it has no configuration at all); `CommandError` when it cannot be started.
    package func readState() async throws -> ClusterState {
        // Without any configuration kubectl asks localhost:8080, which refuses: that never passes.
        let configured =
            KubectlConfigurationLookup(kubeconfig: kubeconfig, environment: environment, fileSystem: fileSystem)
            .missing() == nil
        let command = kubectlCommand(["get", "nodes,pods,pdb", "-A", "-o", "json"], timeout: .seconds(120))
            .retrying(configured ? .kubectl(.operation) : nil)
        var limited = command
        limited.outputLimit = Self.stateOutputLimit
        let result = try await runner.run(limited)
        if !result.succeeded { throw failure(of: limited, result) }
        return try ClusterSnapshot.decode(text: result.stdout, source: "live (\(limited.displayLine))").state
    }

    /// The error for a failed read: kubectl's first meaningful line, and what to do when kubectl has no
    /// configuration.
    package func failure(of command: Command, _ result: CommandResult) -> ClusterReadError {
        let says =
            KubectlMessage.firstMeaningfulLine(result.stderr) ?? KubectlMessage.firstMeaningfulLine(result.stdout)
            ?? "nothing"
        let shown = command.displayLine
        if !result.timedOut,
            let missing = KubectlConfigurationLookup(
                kubeconfig: kubeconfig, environment: environment, fileSystem: fileSystem
            ).missing()
        {
            return .noKubeconfig(command: shown, kubectlSays: says, missing: missing, sampleHint: nil)
        }
        var how =
            result.timedOut ? "timed out after \(command.timeout.compactDescription)" : "exit \(result.exitStatus)"
        if let record = result.retryRecord { how += "; " + record.summary }
        return .kubectlFailed(command: shown, how: how, kubectlSays: result.retryRecord?.cause ?? says)
    }

    /// The live-only facts; each probe that fails leaves its fact unknown rather than failing the plan
    /// (but Ctrl-C still stops it).
    package func readLiveFacts() async throws -> LiveFacts {
        var facts = LiveFacts()
        if let path = try? ExecutableLocator.locate(kubectl, searchPath: searchPath) {
            facts.kubectlPath = path
            facts.versionedKubectls = Self.versionedSiblings(of: path, fileSystem: fileSystem)
        }
        // Without a server, `kubectl version` fails but still prints the client's version.
        let version = kubectlCommand(["version", "-o", "json"], timeout: .seconds(30)).retrying(.kubectl(.operation))
        if let versions = try? await runner.run(version) {
            let parsed = Self.versions(versions.stdout)
            facts.kubectlVersion = parsed.client
            facts.serverVersion = parsed.server
        }
        if let metrics = try? await runner.runChecked(
            kubectlCommand(["get", "--raw", "/metrics"], timeout: .seconds(60)).retrying(.kubectl(.operation)))
        {
            facts.deprecatedAPIs = DeprecatedAPIMetrics.parse(metrics.stdout)
        }
        let etcd = try? await runner.run(
            kubectlCommand(["get", "--raw", "/readyz/etcd"], timeout: .seconds(30)).retrying(.kubectl(.operation)))
        try Task.checkCancellation()
        if let etcd {
            facts.etcdHealthy = etcd.succeeded
            if !etcd.succeeded { facts.etcdDetail = etcd.stderrTail(lines: 3) }
        }
        return facts
    }

    package func kubectlCommand(_ arguments: [String], timeout: Duration) -> Command {
        var global: [String] = []
        if let kubeconfig { global += ["--kubeconfig", kubeconfig] }
        if let context { global += ["--context", context] }
        return Command(kubectl, global + arguments, timeout: timeout)
    }

    /// `kubectl.1.29`-style files beside `path`, by minor (the names the Google Cloud SDK installs), and
    /// beside the file a symbolic link at `path` leads to (`/usr/bin/kubectl` → the SDK's `bin/kubectl`,
    /// where the versioned ones are); those beside `path` itself win.
    static func versionedSiblings(of path: String, fileSystem: any FileSystemReading) -> [KubeMinor: String] {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let own = siblings(of: path, fileSystem: fileSystem)
        guard resolved != path else { return own }
        return siblings(of: resolved, fileSystem: fileSystem).merging(own) { $1 }
    }

    private static func siblings(of path: String, fileSystem: any FileSystemReading) -> [KubeMinor: String] {
        let directory = PathNames.directoryName(of: path)
        let base = PathNames.baseName(of: path)
        var found: [KubeMinor: String] = [:]
        for name in (try? fileSystem.entries(ofDirectory: directory)) ?? [] where name.hasPrefix(base + ".") {
            guard let minor = try? KubeMinor(parsing: String(name.dropFirst(base.count + 1))) else { continue }
            let sibling = directory + "/" + name
            if fileSystem.kind(of: sibling) == .file { found[minor] = sibling }
        }
        return found
    }

    /// `clientVersion.gitVersion` and `serverVersion.gitVersion` of `kubectl version -o json`.
    package static func versions(_ json: String) -> (client: KubeVersion?, server: KubeVersion?) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return (nil, nil)
        }
        func gitVersion(_ key: String) -> KubeVersion? {
            ((object[key] as? [String: Any])?["gitVersion"] as? String).flatMap { try? KubeVersion(parsing: $0) }
        }
        return (gitVersion("clientVersion"), gitVersion("serverVersion"))
    }
}
