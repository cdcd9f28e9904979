import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `ssh`, as an inventory's `ansible_ssh_executable`: reads the ssh command line k8sup builds, finds the
/// destination's node in `<state>/k8sim.json`, applies the node's faults (unreachable or a refused
/// connection: exit 255 with ssh's message; a command delay), then runs the remote line with a real
/// `/bin/sh -c` in the node's sandbox, as sshd would, with the sandbox's stand-ins first on `PATH`.
/// stdin, stdout, stderr and the exit status are the shell's own (the process becomes the shell),
/// except for a connection that drops: then the shell runs to its end as a child, and ssh reports the
/// lost connection and exits 255 as OpenSSH does.
///
/// The state directory is `K8SIM_STATE`, else found from the program's path: the `ssh` link normally
/// lives in `<state>/bin/`.
struct SSHStandIn {
    var context: StandInContext
    /// argv[0] as the ssh stand-in was started.
    var programPath: String

    func run() -> Int32 {
        let line: SSHCommandLine
        do {
            line = try SSHCommandLine(parsing: context.arguments)
        } catch {
            return context.fail("ssh", error.message, status: 255)
        }
        if line.printsVersion {
            context.err("OpenSSH_9.6p1 (k8sim stand-in)\n")
            return 0
        }
        if line.controlCommand != nil { return 0 }
        guard let stateDirectory = stateDirectory() else {
            return context.fail(
                "ssh", "k8sim: cannot find k8sim.json (set K8SIM_STATE or run the ssh link in <state>/bin)", status: 255
            )
        }
        let state: SimStateFile
        do {
            state = try SimStateFile.load(directory: stateDirectory)
        } catch {
            return context.fail("ssh", "k8sim: \(error)", status: 255)
        }
        guard let entry = state.nodes[line.host] ?? state.nodes[line.host.lowercased()] else {
            context.err("ssh: Could not resolve hostname \(line.host): Name or service not known\r\n")
            return 255
        }
        let port = line.port ?? 22
        let faults: NodeAPI.NodeFaults
        do {
            faults = try NodeAPIClient(baseURL: state.url, timeout: 10).sshConnection(
                node: entry.node, command: line.remoteLine)
        } catch {
            context.err("ssh: connect to host \(line.host) port \(port): Connection refused\r\n")
            return 255
        }
        if faults.unreachable {
            context.err("ssh: connect to host \(line.host) port \(port): Connection timed out\r\n")
            return 255
        }
        if faults.refused {
            context.err("ssh: connect to host \(line.host) port \(port): Connection refused\r\n")
            return 255
        }
        guard !line.command.isEmpty else {
            return context.fail("ssh", "k8sim: a remote command is required (no interactive sessions)", status: 255)
        }
        let session = SSHSessionScript(remoteLine: line.remoteLine)
        if faults.commandDelaySeconds > 0 {
            // Each command line of a session pays the delay it paid over its own connection.
            Thread.sleep(forTimeInterval: faults.commandDelaySeconds * Double(session?.lineCount ?? 1))
        }
        if faults.drops, let session {
            // The connection drops after the session's dropping line ran, before its end reached the client.
            return session.runDropping(
                line.remoteLine, at: session.dropLine(matching: faults.dropMatching), directory: entry.sandbox,
                environment: sessionEnvironment(
                    entry: entry, state: state, stateDirectory: stateDirectory, faults: faults),
                host: line.host)
        }
        if faults.drops {
            // The command runs on the node to its end; the client never hears how it ended.
            let shell = Process()
            shell.executableURL = URL(fileURLWithPath: "/bin/sh")
            shell.arguments = ["-c", line.remoteLine]
            shell.currentDirectoryURL = URL(fileURLWithPath: entry.sandbox)
            shell.environment = sessionEnvironment(
                entry: entry, state: state, stateDirectory: stateDirectory, faults: faults)
            do {
                try shell.run()
                shell.waitUntilExit()
            } catch {
                return context.fail("ssh", "k8sim: cannot run /bin/sh: \(error)", status: 255)
            }
            context.err("Connection to \(line.host) closed by remote host.\r\n")
            return 255
        }
        return runShell(line.remoteLine, entry: entry, state: state, stateDirectory: stateDirectory, faults: faults)
    }

    /// Becomes `/bin/sh -c LINE` in the sandbox; returns only when that fails.
    private func runShell(
        _ remoteLine: String, entry: SimStateFile.NodeEntry, state: SimStateFile, stateDirectory: String,
        faults: NodeAPI.NodeFaults
    ) -> Int32 {
        guard chdir(entry.sandbox) == 0 else {
            return context.fail("ssh", "k8sim: node \(entry.node): no sandbox at \(entry.sandbox)", status: 255)
        }
        let environment = sessionEnvironment(entry: entry, state: state, stateDirectory: stateDirectory, faults: faults)
        clearenv()
        for (name, value) in environment { setenv(name, value, 1) }
        let failure = ProcessReplacement.exec(["/bin/sh", "-c", remoteLine], searchingPath: false)
        return context.fail("ssh", "k8sim: cannot run /bin/sh: \(String(cString: strerror(failure)))", status: 255)
    }

    /// sshd gives the session a fresh environment, not the client's: the sandbox's stand-ins first on PATH,
    /// and the node's own faults for the stand-ins that show them (sudo, df, kubeadm certs).
    private func sessionEnvironment(
        entry: SimStateFile.NodeEntry, state: SimStateFile, stateDirectory: String, faults: NodeAPI.NodeFaults
    ) -> [String: String] {
        let sandboxPath = [".k8sim/bin", "usr/local/bin", "usr/bin"].map { entry.sandbox + "/" + $0 }
        let systemPath = context.environment["PATH"] ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        var environment: [String: String] = [
            "PATH": (sandboxPath + [systemPath]).joined(separator: ":"),
            "HOME": entry.sandbox + "/root",
            "USER": "root", "LOGNAME": "root", "SHELL": "/bin/sh", "LANG": "C.UTF-8",
            "K8SIM_STATE": stateDirectory, "K8SIM_NODE": entry.node, "K8SIM_SANDBOX": entry.sandbox,
            "K8SIM_URL": state.url, "K8SIM_EXECUTABLE": state.executable,
            "K8SIM_DOWNLOAD_DELAY": String(faults.downloadDelaySeconds),
        ]
        if faults.sudoFails { environment[StandInContext.sudoFailsVariable] = "1" }
        if let free = faults.freeMB { environment[StandInContext.freeMBVariable] = String(free) }
        if let days = faults.certificateDaysLeft { environment[StandInContext.certificateDaysVariable] = String(days) }
        return environment
    }

    /// `K8SIM_STATE`, else the directory above (or holding) the ssh link that has a `k8sim.json`.
    private func stateDirectory() -> String? {
        if let state = context.environment["K8SIM_STATE"], !state.isEmpty { return state }
        var path = programPath
        if !path.contains("/") {
            let directories = (context.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            guard let found = directories.first(where: { access($0 + "/" + path, X_OK) == 0 }) else { return nil }
            path = found + "/" + path
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL
        let candidates = [directory.deletingLastPathComponent().path, directory.path]
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/" + SimStateFile.fileName) }
    }
}
