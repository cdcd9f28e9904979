import K8sUpCluster
import K8sUpSupport

/// Reads nodes for the executor's looks (readiness, cordon state) and gathers the looks asked for at
/// the same time into one `kubectl get nodes A B C -o json`: while one read runs, the looks asked for
/// meanwhile wait for the next read, which takes all of them. A batch of 28 workers waiting to be
/// Ready then costs one kubectl process per round instead of one per node and look (on a 2-core
/// control machine those processes were most of a batch's time). A look alone is read alone, with the
/// same `kubectl get node A -o json` as before, and no look is answered by a read that started
/// before it was asked for.
package actor NodeLookout {
    private struct Asked {
        let node: String
        let budget: RetryBudget
        let answer: CheckedContinuation<ClusterNode, any Error>
    }

    private let runner: any CommandRunning
    private let kubectl: KubectlCommands
    /// Each node's log gets the read's command line, how it ended and what it showed of that node.
    private let log: (any CommandLogging)?
    private var asked: [Asked] = []
    private var reading = false

    package init(runner: any CommandRunning, kubectl: KubectlCommands, log: (any CommandLogging)?) {
        self.runner = runner
        self.kubectl = kubectl
        self.log = log
    }

    /// The node as the cluster reports it, read after this call began. `budget` is how long a failing
    /// cluster API is retried; a read for several looks gets the longest any of them asked for.
    package func look(at node: String, budget: RetryBudget = .operation) async throws -> ClusterNode {
        try await withCheckedThrowingContinuation { answer in
            asked.append(Asked(node: node, budget: budget, answer: answer))
            guard !reading else { return }
            reading = true
            Task { await readRounds() }
        }
    }

    /// How many looks wait for the next read (tests wait on it instead of on time).
    var waitingLooks: Int { asked.count }

    /// Reads until no look waits: each round takes every look asked for before it started.
    private func readRounds() async {
        while !asked.isEmpty {
            let round = asked
            asked = []
            var names: [String] = []
            for look in round where !names.contains(look.node) { names.append(look.node) }
            let budget = round.map(\.budget).max { Self.rank($0) < Self.rank($1) } ?? .operation
            let answers = await read(names, budget: budget)
            for look in round {
                look.answer.resume(with: answers[look.node] ?? .failure(NodeLookoutError.notRead(node: look.node)))
            }
        }
        reading = false
    }

    private func read(_ names: [String], budget: RetryBudget) async -> [String: Result<ClusterNode, any Error>] {
        let command =
            names.count == 1 ? kubectl.getNode(names[0], budget: budget) : kubectl.getNodes(names, budget: budget)
        for name in names { log?.write("$ " + command.displayLine, node: name) }
        let result: CommandResult
        do {
            result = try await runner.run(command)
        } catch {
            return Dictionary(uniqueKeysWithValues: names.map { ($0, .failure(error)) })
        }
        for name in names { log?.writeLookEnd(of: result, node: name) }
        let failure = CommandError(command, result)
        // kubectl prints the nodes it found even when another name was not found (exit 1); what it
        // printed must parse only when it says it succeeded.
        let parsed = Result { try Self.nodes(in: result.stdout, command: command.displayLine) }
        if failure == nil, case .failure(let error) = parsed {
            return Dictionary(uniqueKeysWithValues: names.map { ($0, .failure(error)) })
        }
        let found = Dictionary(((try? parsed.get()) ?? []).map { ($0.name, $0) }) { first, _ in first }
        return Dictionary(
            uniqueKeysWithValues: names.map { name in
                if let node = found[name] { return (name, .success(node)) }
                return (name, .failure(failure ?? NodeLookoutError.notRead(node: name)))
            })
    }

    /// The nodes of one read: a List for several names, the Node itself for one.
    static func nodes(in text: String, command: String) throws -> [ClusterNode] {
        let root = try KubeJSONInput.parse(text, source: "kubectl get nodes", command: command)
        let list = try KubeJSONInput.decode(NodeList.self, from: root, command: command)
        guard let items = list.items else {
            return [try KubeJSONInput.decode(KubeNode.self, from: root, command: command).clusterNode()]
        }
        return try items.map { try $0.clusterNode() }
    }

    /// The longer the budget, the higher.
    private static func rank(_ budget: RetryBudget) -> Int {
        switch budget {
        case .probe: 0
        case .operation: 1
        case .putBack: 2
        }
    }

    /// `{"kind": "List", "items": [...]}`, or a single Node (no `items`).
    private struct NodeList: Decodable {
        var items: [KubeNode]?
    }
}

/// A look at a node the cluster's answer did not include although the read succeeded.
package enum NodeLookoutError: Error, Equatable, CustomStringConvertible {
    case notRead(node: String)

    package var description: String {
        switch self {
        case .notRead(let node): "kubectl get nodes answered without node \(node)"
        }
    }
}
