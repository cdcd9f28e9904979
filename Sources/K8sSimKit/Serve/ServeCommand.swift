import Dispatch
import Foundation

/// `k8sim serve`: starts a simulated cluster and serves it until Ctrl-C or SIGTERM.
enum ServeCommand {
    static let usage = """
        usage: k8sim serve -i|--inventory PATH [-i PATH]... --state DIR [--scenario FILE] [--snapshot FILE]
                           [--from VERSION] [--layout apt|dnf|kubespray] [--port N]

        Serves a fake kube-apiserver on 127.0.0.1 and simulates the inventory's nodes, each in a sandbox
        under DIR/nodes. Nodes start at --from (else the scenario's `from:`), installed the way the
        inventory's k8sup_playbook expects (else --layout, default apt). It prints the kubeconfig and the
        inventory file to add, then serves until Ctrl-C.

        """

    struct Options {
        var inventory: [String] = []
        var state: String?
        var scenario: String?
        var snapshot: String?
        var from: String?
        var layout: SandboxLayout?
        var port: UInt16 = 0
    }

    static func run(arguments: [String]) async -> Int32 {
        let options: Options
        do {
            options = try parse(arguments)
        } catch {
            if error.message == "help" {
                FileHandle.standardOutput.write(Data(usage.utf8))
                return 0
            }
            FileHandle.standardError.write(Data("k8sim serve: \(error.message)\n\n\(usage)".utf8))
            return 64
        }
        guard let state = options.state, !options.inventory.isEmpty else {
            FileHandle.standardError.write(Data("k8sim serve: --inventory and --state are required\n\n\(usage)".utf8))
            return 64
        }
        let server: SimServer
        do {
            let scenario = try options.scenario.map { path throws(ScenarioError) in try Scenario.load(path: path) }
            server = try SimServer(
                inventory: options.inventory, scenario: scenario ?? Scenario(), snapshot: options.snapshot,
                from: options.from, layout: options.layout, stateDirectory: state, executable: executablePath(),
                port: options.port)
        } catch {
            FileHandle.standardError.write(Data("k8sim serve: \(error)\n".utf8))
            return 65
        }
        try? "\(getpid())\n".write(toFile: server.stateDirectory + "/k8sim.pid", atomically: true, encoding: .utf8)
        FileHandle.standardOutput.write(Data(banner(server, inventory: options.inventory).utf8))
        await waitForSignal()
        server.stop()
        try? FileManager.default.removeItem(atPath: server.stateDirectory + "/k8sim.pid")
        FileHandle.standardError.write(Data("k8sim: stopped\n".utf8))
        return 0
    }

    static func banner(_ server: SimServer, inventory: [String]) -> String {
        let nodes = server.cluster.nodeNames
        let sources = (inventory + [server.inventoryOverlayPath]).map { "-i " + SimShellWords.quote($0) }
            .joined(separator: " ")
        let worker = nodes.first { server.cluster.nodeReport($0)?.controlPlane == false } ?? nodes.first ?? "NODE"
        let faults = server.url + NodeAPI.prefix + "/faults"
        let example = SimShellWords.quote(#"[{"type": "kubelet-fails", "node": "\#(worker)"}]"#)
        return """
            k8sim: \(nodes.count) node(s) at \(server.cluster.clusterVersion), apiserver \(server.url)
              kubeconfig:  \(server.kubeconfigPath)
              inventory:   \(server.inventoryOverlayPath)  (ansible_ssh_executable and the \(server.layout.playbookName) playbook's paths, per host)
              sandboxes:   \(server.stateDirectory)/nodes/
            Try:
              export KUBECONFIG=\(SimShellWords.quote(server.kubeconfigPath))
              k8sup plan \(sources)
              k8sup apply \(sources) --yes
            Faults (the scenario's faults: entries, JSON or YAML; the answer lists the faults now active):
              curl -sS -X PUT --data \(example) \(faults)
              curl -sS -X PUT --data '[]' \(faults)
            A kubelet that does not start crash-loops: systemd restarts it every 10 s (the fault's restartSec), and
            apply rolls the node back at its third restart, with the kubelet's journal in the error.
            Ctrl-C stops the simulator.

            """
    }

    struct ParseError: Error {
        let message: String
    }

    static func parse(_ arguments: [String]) throws(ParseError) -> Options {
        var options = Options()
        var index = 0
        func value(_ flag: String) throws(ParseError) -> String {
            index += 1
            guard index < arguments.count else { throw ParseError(message: "\(flag) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            var argument = arguments[index]
            var inline: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                inline = String(argument[argument.index(after: equals)...])
                argument = String(argument[..<equals])
            }
            func take() throws(ParseError) -> String {
                if let inline { return inline } else { return try value(argument) }
            }
            switch argument {
            case "-i", "--inventory": options.inventory.append(try take())
            case "--state": options.state = try take()
            case "--scenario": options.scenario = try take()
            case "--snapshot": options.snapshot = try take()
            case "--from": options.from = try take()
            case "--layout":
                let text = try take()
                guard let layout = SandboxLayout(rawValue: text) else {
                    throw ParseError(message: "--layout must be apt, dnf or kubespray, not '\(text)'")
                }
                options.layout = layout
            case "--port":
                let text = try take()
                guard let port = UInt16(text) else {
                    throw ParseError(message: "--port must be a port number, not '\(text)'")
                }
                options.port = port
            case "-h", "--help":
                throw ParseError(message: "help")
            default:
                throw ParseError(message: "unknown argument '\(argument)'")
            }
            index += 1
        }
        return options
    }

    /// This executable's absolute path, for the stand-in links (argv[0] may be relative or a name).
    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    private static func waitForSignal() async {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let once = SignalOnce(done)
            for number in [SIGINT, SIGTERM] {
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { once.fire() }
                source.resume()
                once.keep(source)
            }
        }
    }
}

/// Resumes a continuation once, whichever signal comes first, and keeps the signal sources alive.
private final class SignalOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Void, Never>?
    private var sources: [any DispatchSourceSignal] = []

    init(_ continuation: CheckedContinuation<Void, Never>) { self.continuation = continuation }

    func keep(_ source: any DispatchSourceSignal) {
        lock.lock()
        sources.append(source)
        lock.unlock()
    }

    func fire() {
        lock.lock()
        let pending = continuation
        continuation = nil
        lock.unlock()
        pending?.resume()
    }
}

/// POSIX shell quoting for the commands the banner suggests.
enum SimShellWords {
    static func quote(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "/._-=:,+@%".unicodeScalars.contains($0)
        }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
