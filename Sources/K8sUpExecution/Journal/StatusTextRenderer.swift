import K8sUpSupport

/// `k8sup status` as text: the journal and its runs, then one table row per node with the journal's
/// view beside the cluster's, then the nodes the cluster shows otherwise than the journal, then those
/// that need attention.
package enum StatusTextRenderer {
    package static func render(_ report: StatusReport) -> String {
        var out = ""
        let journal = report.journal
        if journal.exists {
            out += "Journal: \(journal.path) (\(count(report.runs.count, "run")), \(count(journal.entries, "entry")))\n"
        } else {
            out += "Journal: none at \(journal.path) (no apply has run with this state directory)\n"
        }
        for note in journal.notes { out += "note: \(note)\n" }
        let mismatched = report.nodes.filter { $0.journalMismatch != nil }
        if !mismatched.isEmpty { out += mismatchWarning(report, nodes: mismatched.count) }
        if !report.runs.isEmpty {
            out += "\nRuns:\n"
            for run in report.runs {
                out +=
                    "  \(run.id)  started \(run.started) by \(run.user) (pid \(run.pid)), target \(run.targetVersion): "
                if let finished = run.finished {
                    out += "\(run.result) at \(finished)" + (run.exitCode.map { " (exit \($0))" } ?? "") + "\n"
                } else {
                    out += "did not finish (crashed or killed; last entry \(run.lastEntry))\n"
                }
            }
        }
        out += "\nNodes:\n"
        if let source = report.cluster.source {
            out += "  cluster: \(source)\n"
        } else if let error = report.cluster.error {
            out += "  cluster: not read, so only the journal is shown (\(error))\n"
        }
        guard !report.nodes.isEmpty else { return out + "  none in the journal or the cluster\n" }
        out += table(report)
        if !mismatched.isEmpty {
            out += "\nNot as the journal says:\n"
            for node in mismatched { out += "  \(node.name): \(node.journalMismatch ?? "")\n" }
        }
        let flagged = report.nodes.filter { $0.attention != nil }
        if !flagged.isEmpty {
            out += "\nAttention:\n"
            for node in flagged { out += "  \(node.name): \(node.attention ?? "")\n" }
        }
        return out
    }

    /// The header note: what a mismatch may mean and what to do about it.
    private static func mismatchWarning(_ report: StatusReport, nodes: Int) -> String {
        let directory = ShellQuoting.quote(report.stateDirectory)
        let moveAside =
            "move the state directory aside (mv \(directory) \(directory).old) so the next apply starts a new journal"
        if report.cluster.isSnapshot {
            return "warning: the journal does not match the snapshot (\(count(nodes, "node")), listed below): the "
                + "snapshot may be older than the journal, the journal from an earlier cluster, or the nodes changed "
                + "since.\n  Compare with the live cluster (--kubeconfig); if the cluster was rebuilt, \(moveAside).\n"
        }
        return "warning: the journal does not match the cluster (\(count(nodes, "node")), listed below): it may be "
            + "from an earlier cluster or the nodes changed since.\n  If the cluster was rebuilt, \(moveAside); "
            + "else check those nodes before the next apply.\n"
    }

    private static func table(_ report: StatusReport) -> String {
        let hasLive = report.cluster.source != nil
        var rows = [hasLive ? ["NODE", "JOURNAL", "KUBELET", "READY", "CORDONED"] : ["NODE", "JOURNAL"]]
        for node in report.nodes {
            var row = [node.name, node.journal.map(journalColumn) ?? "-"]
            if hasLive {
                if let live = node.live {
                    row += [
                        live.kubeletVersion ?? "?", live.ready.map { $0 ? "yes" : "no" } ?? "?",
                        live.cordoned ? "yes" : "no",
                    ]
                } else {
                    row += ["not in cluster", "", ""]
                }
            }
            rows.append(row)
        }
        var widths = [Int](repeating: 0, count: rows[0].count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return rows.map { row in
            let cells = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }
            return "  " + cells.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }.joined()
    }

    private static func journalColumn(_ node: StatusReport.JournalNode) -> String {
        node.hopVersion.isEmpty
            ? node.summary : "hop \(node.hop) \(node.fromVersion) -> \(node.hopVersion): \(node.summary)"
    }

    private static func count(_ value: Int, _ noun: String) -> String {
        value == 1 ? "1 \(noun)" : "\(value) " + (noun.hasSuffix("y") ? noun.dropLast() + "ies" : noun + "s")
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
