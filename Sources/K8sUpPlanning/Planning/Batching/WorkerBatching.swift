import Foundation

/// How a hop's workers are grouped: a fixed number at a time (`--batch N`, the inventory's
/// `k8sup_batch: N`), or packed into the largest batches the budgets, zones and capacity allow
/// (`--batch auto`, `k8sup_batch: auto`).
package enum WorkerBatching: Sendable, Equatable, CustomStringConvertible {
    case fixed(Int)
    case auto

    /// `auto`, or a whole number of at least 1; nil otherwise.
    package init?(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "auto" {
            self = .auto
        } else if let count = Int(trimmed), count >= 1 {
            self = .fixed(count)
        } else {
            return nil
        }
    }

    package var description: String {
        switch self {
        case .fixed(let count): "\(count)"
        case .auto: "auto"
        }
    }
}

/// `--batch auto`'s limits beside the budgets: how many workers may be down at once, and whether a
/// batch may take nodes of several zones.
package struct AutoBatchOptions: Sendable, Equatable {
    /// `--max-unavailable N|N%`: at most this many (or this share of the hop's workers) in one batch.
    package var maxUnavailable = NodeShare.percent(20)
    /// `--batch-across-zones`: a batch may mix zones.
    package var acrossZones = false

    package init(maxUnavailable: NodeShare = .percent(20), acrossZones: Bool = false) {
        self.maxUnavailable = maxUnavailable
        self.acrossZones = acrossZones
    }
}

/// A number of nodes, or a percentage of some number of nodes: `--max-unavailable 4` or `20%`.
package enum NodeShare: Sendable, Equatable, CustomStringConvertible {
    case count(Int)
    case percent(Int)

    /// `N` (at least 1) or `N%` (1 to 100); nil otherwise.
    package init?(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%") {
            guard let percent = Int(trimmed.dropLast()), (1...100).contains(percent) else { return nil }
            self = .percent(percent)
        } else {
            guard let count = Int(trimmed), count >= 1 else { return nil }
            self = .count(count)
        }
    }

    /// How many nodes out of `total`: a percentage rounds down, as Kubernetes rounds maxUnavailable for
    /// nodes, but never below 1 (or nothing would ever be upgraded).
    package func nodes(of total: Int) -> Int {
        switch self {
        case .count(let count): max(1, count)
        case .percent(let percent): max(1, total * percent / 100)
        }
    }

    package var description: String {
        switch self {
        case .count(let count): "\(count)"
        case .percent(let percent): "\(percent)%"
        }
    }
}
