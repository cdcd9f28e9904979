import Foundation

/// `systemctl`: `daemon-reload`, and for the kubelet unit `start`/`restart` (runs the binary the unit's
/// `ExecStart=` names with `--version`, for real, and reports that version as running to the cluster),
/// `stop`, `is-active`, `status`, and `show` with `-p`/`--property` and `--value` (the unit's state from
/// the cluster, which knows the faults and the time: `ActiveState`, `SubState`, `NRestarts`,
/// `ExecMainStatus`, …). Other units succeed quietly, as healthy services would.
///
/// Like systemd with a `Type=simple` service, `restart` succeeds even when the kubelet then fails to run
/// (a missing or broken binary, or a `kubelet-fails` fault): the node goes NotReady, and the unit
/// crash-loops or fails as `systemctl show` and `journalctl` tell.
struct SystemctlStandIn {
    var context: StandInContext

    func run() -> Int32 {
        if context.arguments.first(where: { !$0.hasPrefix("-") }) == "show" {
            return SystemctlShow(context: context).run()
        }
        let words = context.arguments.filter { !$0.hasPrefix("-") }
        guard let verb = words.first else { return context.fail("systemctl", "too few arguments") }
        let units = words.dropFirst().map { $0.hasSuffix(".service") ? String($0.dropLast(8)) : $0 }
        do {
            switch verb {
            case "daemon-reload", "daemon-reexec", "enable", "disable", "mask", "unmask", "reset-failed":
                return 0
            case "start", "restart", "try-restart", "reload-or-restart", "condrestart":
                return units.contains("kubelet") ? try startKubelet() : 0
            case "stop", "kill":
                return units.contains("kubelet") ? try stopKubelet() : 0
            case "is-active":
                let active = try !units.contains("kubelet") || context.loadState().kubeletRunning
                context.out(active ? "active\n" : "inactive\n")
                return active ? 0 : 3
            case "is-enabled":
                context.out("enabled\n")
                return 0
            case "status":
                return try status(units: units)
            default:
                return context.fail("systemctl", "k8sim: `systemctl \(verb)` is not simulated")
            }
        } catch {
            return context.fail("systemctl", "k8sim: \(error)")
        }
    }

    private func startKubelet() throws -> Int32 {
        var state = try context.loadState()
        let version = try kubeletVersion()
        state.kubeletRunning = version != nil
        try context.save(state)
        let failure = version == nil ? try startFailure() : nil
        let report = NodeAPI.KubeletReport(version: version ?? "", running: version != nil, startFailure: failure)
        _ = try context.cluster().reportKubelet(node: try context.nodeName(), report)
        return 0
    }

    private func stopKubelet() throws -> Int32 {
        var state = try context.loadState()
        state.kubeletRunning = false
        try context.save(state)
        let report = NodeAPI.KubeletReport(version: try kubeletVersion() ?? "", running: false)
        _ = try context.cluster().reportKubelet(node: try context.nodeName(), report)
        return 0
    }

    private func status(units: [String]) throws -> Int32 {
        guard units.contains("kubelet") else { return 0 }
        let running = try context.loadState().kubeletRunning
        context.out(
            "● kubelet.service - kubelet: The Kubernetes Node Agent\n     Active: "
                + (running ? "active (running)\n" : "inactive (dead)\n"))
        return running ? 0 : 3
    }

    /// The version the unit's kubelet binary prints, or nil when it does not run.
    private func kubeletVersion() throws -> String? {
        guard let binary = try kubeletBinary() else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--version"]
        process.currentDirectoryURL = URL(fileURLWithPath: context.sandbox)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let version = SimVersion(
                String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        else { return nil }
        return version.description
    }

    /// What systemd says when the unit's binary cannot be run.
    private func startFailure() throws -> String {
        guard let binary = try execStart() else { return "Service has no ExecStart= setting. Refusing." }
        let exists = FileManager.default.fileExists(atPath: context.nodePath(binary))
        return "Failed to execute \(binary): " + (exists ? "Exec format error" : "No such file or directory")
    }

    /// The kubelet unit's binary inside the sandbox.
    private func kubeletBinary() throws -> String? {
        try execStart().map(context.nodePath)
    }

    /// The first word of the kubelet unit's last non-empty `ExecStart=`, as the node names it.
    private func execStart() throws -> String? {
        let units = [
            "etc/systemd/system/kubelet.service", "usr/lib/systemd/system/kubelet.service",
            "lib/systemd/system/kubelet.service",
        ]
        guard let unit = units.map(context.nodePath).first(where: FileManager.default.fileExists(atPath:)) else {
            throw SandboxError("Unit kubelet.service not found.")
        }
        var files = [unit]
        let dropIns = unit + ".d"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dropIns)) ?? []
        files += names.filter { $0.hasSuffix(".conf") }.sorted().map { dropIns + "/" + $0 }
        var command: String?
        for file in files {
            let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") where line.hasPrefix("ExecStart=") {
                let value = line.dropFirst("ExecStart=".count).trimmingCharacters(in: .whitespaces)
                command = value.isEmpty ? nil : value
            }
        }
        return command?.split(separator: " ").first.map(String.init)
    }
}
