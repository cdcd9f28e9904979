import Foundation

/// Where a stand-in runs: the node's sandbox and name and how to reach the simulated cluster, from the
/// environment the ssh stand-in gives the remote shell (`K8SIM_SANDBOX`, `K8SIM_NODE`, `K8SIM_URL`,
/// `K8SIM_STATE`), and the standard streams.
struct StandInContext {
    /// The tool's arguments, without the program name.
    var arguments: [String]
    var environment: [String: String]

    /// The sandbox root: `K8SIM_SANDBOX`, else the working directory.
    var sandbox: String {
        if let sandbox = environment["K8SIM_SANDBOX"], !sandbox.isEmpty { return sandbox }
        return FileManager.default.currentDirectoryPath
    }

    /// A path named in a node's own configuration (`/usr/bin/kubelet` in a unit file, or a sandbox-relative
    /// path a k8sim inventory wrote there), inside the sandbox.
    func nodePath(_ path: String) -> String {
        path.hasPrefix("/") ? sandbox + path : sandbox + "/" + path
    }

    func loadState() throws -> SandboxState { try SandboxState.load(sandbox: sandbox) }

    func save(_ state: SandboxState) throws { try state.save(sandbox: sandbox) }

    /// The node's name: `K8SIM_NODE`, else the sandbox state's.
    func nodeName() throws -> String {
        if let node = environment["K8SIM_NODE"], !node.isEmpty { return node }
        return try loadState().node
    }

    /// The client of the simulated cluster: `K8SIM_URL`, else the URL in `K8SIM_STATE/k8sim.json`.
    func cluster() throws -> NodeAPIClient {
        if let url = environment["K8SIM_URL"], !url.isEmpty { return NodeAPIClient(baseURL: url) }
        guard let state = environment["K8SIM_STATE"], !state.isEmpty else {
            throw SandboxError("neither K8SIM_URL nor K8SIM_STATE is set: run this through the k8sim ssh stand-in")
        }
        return NodeAPIClient(baseURL: try SimStateFile.load(directory: state).url)
    }

    /// `sudo-fails`: set to 1 by the ssh stand-in.
    static let sudoFailsVariable = "K8SIM_SUDO_FAILS"
    /// `disk-full`: the free MB `df` reports.
    static let freeMBVariable = "K8SIM_FREE_MB"
    /// `certs-expiring`: days left on the control-plane certificates (below zero: expired).
    static let certificateDaysVariable = "K8SIM_CERT_DAYS"

    /// The k8sim executable that new tool files run.
    var executable: String { ToolFile.currentExecutable(environment: environment) }

    /// Fetching packages that are not in the local cache yet takes the scenario's `download` delay
    /// (`K8SIM_DOWNLOAD_DELAY`, set by the ssh stand-in).
    func fetchPackages(_ missing: Int) {
        guard missing > 0, let seconds = Double(environment["K8SIM_DOWNLOAD_DELAY"] ?? ""), seconds > 0 else { return }
        Thread.sleep(forTimeInterval: seconds)
    }

    func out(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }

    func err(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

    /// Prints `message` on stderr prefixed with the tool's name and returns `status`.
    func fail(_ tool: String, _ message: String, status: Int32 = 1) -> Int32 {
        err("\(tool): \(message)\n")
        return status
    }
}
