/// The plan of an upgrade: what `k8sup plan` prints, `plan -o json` serialises (`apiVersion: k8sup/v1`,
/// `kind: UpgradePlan`), and `apply` executes. One value, so what an operator reviewed is what runs.
///
/// Versions are strings in the `v1.30.4` form so the JSON reads naturally and stays stable.
public struct UpgradePlan: Codable, Sendable, Equatable {
    public var apiVersion = "k8sup/v1"
    public var kind = "UpgradePlan"
    /// The `-i` sources.
    public var inventory: [String]
    /// Where the cluster state came from (`snapshot FILE` or `live (kubectl …)`).
    public var clusterSource: String
    /// The `--limit` pattern, if any.
    public var limit: String?
    /// Workers upgraded at the same time (`--batch`).
    public var batchSize: Int
    public var current: CurrentVersions
    public var target: Target
    public var hops: [Hop]
    public var checks: [Check]
    public var summary: Summary
    /// Which checks over ssh ran (live plans) or could not run (snapshot plans).
    public var preflight: Preflight? = nil
    /// `--batch auto`: the limits the workers were packed with; nil for fixed batches (`batchSize`).
    var autoBatch: AutoBatch? = nil

    /// The limits of `--batch auto` beside the budgets.
    struct AutoBatch: Codable, Sendable, Equatable {
        /// `--max-unavailable`: `20%` or a count.
        var maxUnavailable: String
        /// `--batch-across-zones`.
        var acrossZones: Bool
    }

    /// `--batch auto`: one batch of a hop's workers, drained and upgraded together.
    struct Batch: Codable, Sendable, Equatable {
        var number: Int
        /// The zone of its nodes; absent when batches may mix zones. `none` for nodes without a zone.
        var zone: String?
        var nodes: [String]
        /// For each node kept out of an earlier batch, the budget or limit that separated it.
        var reasons: [BatchNote]
    }

    /// Why a node was kept out of an earlier batch.
    struct BatchNote: Codable, Sendable, Equatable {
        var node: String
        /// `zone`, `max-unavailable`, `pdb` or `capacity`.
        var kind: String
        /// `pdb default/web allows 1: worker-3 and worker-7 both hold web pods`.
        var reason: String
    }

    /// Versions running before the upgrade.
    public struct CurrentVersions: Codable, Sendable, Equatable {
        /// The lowest kube-apiserver version (the cluster's control-plane version).
        public var controlPlane: String?
        /// kube-apiserver version per control-plane node.
        public var apiservers: [String: String]
        /// kubelet version per node of the cluster.
        public var kubelets: [String: String]
    }

    /// The version the upgrade ends at and where it was taken from.
    public struct Target: Codable, Sendable, Equatable {
        public var version: String
        /// `--to` or `kube_version (inventory)`.
        public var source: String
    }

    /// One minor step: every node in scope below `version` is upgraded to it, control plane first.
    public struct Hop: Codable, Sendable, Equatable {
        public var number: Int
        public var version: String
        /// Why this patch version: `target`, `--via`, `k8sup_via`, or the built-in table and its date.
        public var versionSource: String
        /// Hop-wide steps before any node: pre-flight, staging, etcd snapshot.
        public var preparation: [Step]
        public var nodes: [NodeUpgrade]
        /// Nodes in scope already at (or above) this hop's version.
        public var skipped: [SkippedNode]
        /// Live plans: the kubectl used during this hop (within one minor of the apiservers it meets).
        public var kubectl: String?
        /// Live plans: what pre-flight read for this hop on the first control-plane node.
        public var discovered: Discovered? = nil
        /// `--batch auto`: the workers' batches in order, each explained; the nodes' `batch` numbers
        /// refer to them.
        var batches: [Batch]? = nil
        /// `--batch auto`: most workers in one batch, `--max-unavailable` resolved for this hop.
        var maxUnavailableNodes: Int? = nil
    }

    /// What pre-flight read for a hop on the first control-plane node: the exact package version the hop
    /// installs (`discover_versions`) and the component versions `kubeadm upgrade plan` reports. A value
    /// that could not be read is nil, and its note says why.
    public struct Discovered: Codable, Sendable, Equatable {
        /// The inventory host it was read on.
        public var host: String
        public var packageVersion: String?
        public var packageNote: String?
        public var components: [Component]?
        public var componentsNote: String?
    }

    /// A control-plane component before and after a hop, as `kubeadm upgrade plan` reports it.
    public struct Component: Codable, Sendable, Equatable {
        /// `etcd`, `CoreDNS`, `kube-proxy`.
        public var name: String
        public var current: String
        public var target: String

        public init(name: String, current: String, target: String) {
            self.name = name
            self.current = current
            self.target = target
        }
    }

    /// The checks k8sup runs on the nodes over ssh before anything changes.
    public struct Preflight: Codable, Sendable, Equatable {
        /// false for a snapshot plan, which runs no check over ssh.
        public var live: Bool
        /// Hosts the checks ran on.
        public var hosts: Int
        /// The checks that did not run, each with why (all of them in a snapshot plan).
        public var notRun: [String]
    }

    /// One node's upgrade within a hop.
    public struct NodeUpgrade: Codable, Sendable, Equatable {
        /// Position in the hop's order, from 1.
        public var order: Int
        /// Inventory host name.
        public var host: String
        /// Kubernetes node name.
        public var node: String
        public var role: String
        /// Running kubelet version before this hop.
        public var from: String
        /// Workers upgraded together share a batch number; control-plane nodes have none.
        public var batch: Int?
        public var steps: [Step]
    }

    /// One step of a node's (or a hop's) upgrade.
    public struct Step: Codable, Sendable, Equatable {
        public var number: Int
        public var action: StepAction
        public var description: String
    }

    public struct SkippedNode: Codable, Sendable, Equatable {
        public var host: String
        public var node: String
        public var reason: String
    }

    /// A check's finding: a blocker stops `apply` before anything changes; a warning does not.
    public struct Check: Codable, Sendable, Equatable {
        public enum Severity: String, Codable, Sendable {
            case blocker, warning
        }

        /// Stable identifier (`pdb.never-allows`), for CI rules and documentation.
        public var id: String
        public var severity: Severity
        /// One line saying what is wrong.
        public var message: String
        /// Kubernetes objects involved (`pdb/istio-system/istiod`, `pod/shop/web-…`).
        public var objects: [String]
        /// Kubernetes node names involved.
        public var nodes: [String]
        /// Hop numbers affected (empty when not tied to a hop).
        public var hops: [Int]
        /// What the operator can do about it.
        public var fix: String
    }

    public struct Summary: Codable, Sendable, Equatable {
        /// `ready` (exit 0), `blocked` (exit 2) or `nothing-to-do` (exit 0).
        public var outcome: String
        public var blockers: Int
        public var warnings: Int
        public var hops: Int
        /// Node upgrades across all hops.
        public var nodeUpgrades: Int
        /// Set when the plan stops before the target (the `version.stops-early` warning says why): the
        /// version of its last hop, where this upgrade really ends.
        public var stopsAt: String?
    }

    /// Whether a blocker was found.
    public var isBlocked: Bool { checks.contains { $0.severity == .blocker } }
}

/// What a step does; the executor maps each to a playbook step list.
public enum StepAction: String, Codable, Sendable, Equatable {
    case preflight = "preflight"
    case stage = "stage"
    case etcdSnapshot = "etcd-snapshot"
    case backupKubelet = "backup-kubelet"
    case upgradeKubeadm = "upgrade-kubeadm"
    case kubeadmUpgradeApply = "kubeadm-upgrade-apply"
    case kubeadmUpgradeNode = "kubeadm-upgrade-node"
    case drain = "cordon-drain"
    case upgradeKubelet = "upgrade-kubelet"
    case restartKubelet = "restart-kubelet"
    case waitReady = "wait-ready"
    case healthCheck = "health-check"
    case uncordon = "uncordon"
    case keepCordoned = "keep-cordoned"
}
