/// The plan of an upgrade: what `k8sup plan` prints, `plan -o json` serialises (`apiVersion: k8sup/v1`,
/// `kind: UpgradePlan`), and `apply` executes. One value, so what an operator reviewed is what runs.
///
/// Versions are strings in the `v1.30.4` form so the JSON reads naturally and stays stable.
package struct UpgradePlan: Codable, Sendable, Equatable {
    package init(
        inventory: [String], clusterSource: String, limit: String? = nil, batchSize: Int, current: CurrentVersions,
        target: Target, hops: [Hop], checks: [Check], summary: Summary, preflight: Preflight? = nil,
        autoBatch: AutoBatch? = nil
    ) {
        self.autoBatch = autoBatch
        self.inventory = inventory
        self.clusterSource = clusterSource
        self.limit = limit
        self.batchSize = batchSize
        self.current = current
        self.target = target
        self.hops = hops
        self.checks = checks
        self.summary = summary
        self.preflight = preflight
    }

    package var apiVersion = "k8sup/v1"
    package var kind = "UpgradePlan"
    /// The `-i` sources.
    package var inventory: [String]
    /// Where the cluster state came from (`snapshot FILE` or `live (kubectl …)`).
    package var clusterSource: String
    /// The `--limit` pattern, if any.
    package var limit: String?
    /// Workers upgraded at the same time (`--batch`).
    package var batchSize: Int
    package var current: CurrentVersions
    package var target: Target
    package var hops: [Hop]
    package var checks: [Check]
    package var summary: Summary
    /// Which checks over ssh ran (live plans) or could not run (snapshot plans).
    package var preflight: Preflight? = nil
    /// `--batch auto`: the limits the workers were packed with; nil for fixed batches (`batchSize`).
    package var autoBatch: AutoBatch? = nil

    /// The limits of `--batch auto` beside the budgets.
    package struct AutoBatch: Codable, Sendable, Equatable {
        /// `--max-unavailable`: `20%` or a count.
        package var maxUnavailable: String
        /// `--batch-across-zones`.
        package var acrossZones: Bool
    }

    /// `--batch auto`: one batch of a hop's workers, drained and upgraded together.
    package struct Batch: Codable, Sendable, Equatable {
        package var number: Int
        /// The zone of its nodes; absent when batches may mix zones. `none` for nodes without a zone.
        package var zone: String?
        package var nodes: [String]
        /// For each node kept out of an earlier batch, the budget or limit that separated it.
        package var reasons: [BatchNote]
    }

    /// Why a node was kept out of an earlier batch.
    package struct BatchNote: Codable, Sendable, Equatable {
        package var node: String
        /// `zone`, `max-unavailable`, `pdb` or `capacity`.
        package var kind: String
        /// `pdb default/web allows 1: worker-3 and worker-7 both hold web pods`.
        package var reason: String
    }

    /// Versions running before the upgrade.
    package struct CurrentVersions: Codable, Sendable, Equatable {
        package init(controlPlane: String? = nil, apiservers: [String: String], kubelets: [String: String]) {
            self.controlPlane = controlPlane
            self.apiservers = apiservers
            self.kubelets = kubelets
        }

        /// The lowest kube-apiserver version (the cluster's control-plane version).
        package var controlPlane: String?
        /// kube-apiserver version per control-plane node.
        var apiservers: [String: String]
        /// kubelet version per node of the cluster.
        package var kubelets: [String: String]
    }

    /// The version the upgrade ends at and where it was taken from.
    package struct Target: Codable, Sendable, Equatable {
        package init(version: String, source: String) {
            self.version = version
            self.source = source
        }

        package var version: String
        /// `--to` or `kube_version (inventory)`.
        package var source: String
    }

    /// One minor step: every node in scope below `version` is upgraded to it, control plane first.
    package struct Hop: Codable, Sendable, Equatable {
        package init(
            number: Int, version: String, versionSource: String, preparation: [Step], nodes: [NodeUpgrade],
            skipped: [SkippedNode], kubectl: String? = nil, discovered: Discovered? = nil, batches: [Batch]? = nil,
            maxUnavailableNodes: Int? = nil
        ) {
            self.batches = batches
            self.maxUnavailableNodes = maxUnavailableNodes
            self.number = number
            self.version = version
            self.versionSource = versionSource
            self.preparation = preparation
            self.nodes = nodes
            self.skipped = skipped
            self.kubectl = kubectl
            self.discovered = discovered
        }

        package var number: Int
        package var version: String
        /// Why this patch version: `target`, `--via`, `k8sup_via`, or the built-in table and its date.
        package var versionSource: String
        /// Hop-wide steps before any node: pre-flight, staging, etcd snapshot.
        package var preparation: [Step]
        package var nodes: [NodeUpgrade]
        /// Nodes in scope already at (or above) this hop's version.
        package var skipped: [SkippedNode]
        /// Live plans: the kubectl used during this hop (within one minor of the apiservers it meets).
        package var kubectl: String?
        /// Live plans: what pre-flight read for this hop on the first control-plane node.
        package var discovered: Discovered? = nil
        /// `--batch auto`: the workers' batches in order, each explained; the nodes' `batch` numbers
        /// refer to them.
        package var batches: [Batch]? = nil
        /// `--batch auto`: most workers in one batch, `--max-unavailable` resolved for this hop.
        package var maxUnavailableNodes: Int? = nil
    }

    /// What pre-flight read for a hop on the first control-plane node: the exact package version the hop
    /// installs (`discover_versions`) and the component versions `kubeadm upgrade plan` reports. A value
    /// that could not be read is nil, and its note says why.
    package struct Discovered: Codable, Sendable, Equatable {
        package init(
            host: String, packageVersion: String? = nil, packageNote: String? = nil, components: [Component]? = nil,
            componentsNote: String? = nil
        ) {
            self.host = host
            self.packageVersion = packageVersion
            self.packageNote = packageNote
            self.components = components
            self.componentsNote = componentsNote
        }

        /// The inventory host it was read on.
        package var host: String
        package var packageVersion: String?
        package var packageNote: String?
        package var components: [Component]?
        package var componentsNote: String?
    }

    /// A control-plane component before and after a hop, as `kubeadm upgrade plan` reports it.
    package struct Component: Codable, Sendable, Equatable {
        /// `etcd`, `CoreDNS`, `kube-proxy`.
        package var name: String
        package var current: String
        package var target: String

        package init(name: String, current: String, target: String) {
            self.name = name
            self.current = current
            self.target = target
        }
    }

    /// The checks k8sup runs on the nodes over ssh before anything changes.
    package struct Preflight: Codable, Sendable, Equatable {
        package init(live: Bool, hosts: Int, notRun: [String]) {
            self.live = live
            self.hosts = hosts
            self.notRun = notRun
        }

        /// false for a snapshot plan, which runs no check over ssh.
        package var live: Bool
        /// Hosts the checks ran on.
        package var hosts: Int
        /// The checks that did not run, each with why (all of them in a snapshot plan).
        package var notRun: [String]
    }

    /// One node's upgrade within a hop.
    package struct NodeUpgrade: Codable, Sendable, Equatable {
        package init(
            order: Int, host: String, node: String, role: String, from: String, batch: Int? = nil, steps: [Step]
        ) {
            self.order = order
            self.host = host
            self.node = node
            self.role = role
            self.from = from
            self.batch = batch
            self.steps = steps
        }

        /// Position in the hop's order, from 1.
        package var order: Int
        /// Inventory host name.
        package var host: String
        /// Kubernetes node name.
        package var node: String
        package var role: String
        /// Running kubelet version before this hop.
        package var from: String
        /// Workers upgraded together share a batch number; control-plane nodes have none.
        package var batch: Int?
        package var steps: [Step]
    }

    /// One step of a node's (or a hop's) upgrade.
    package struct Step: Codable, Sendable, Equatable {
        package init(number: Int, action: StepAction, description: String) {
            self.number = number
            self.action = action
            self.description = description
        }

        package var number: Int
        package var action: StepAction
        package var description: String
    }

    package struct SkippedNode: Codable, Sendable, Equatable {
        package init(host: String, node: String, reason: String) {
            self.host = host
            self.node = node
            self.reason = reason
        }

        package var host: String
        package var node: String
        package var reason: String
    }

    /// A check's finding: a blocker stops `apply` before anything changes; a warning does not.
    package struct Check: Codable, Sendable, Equatable {
        package init(
            id: String, severity: Severity, message: String, objects: [String], nodes: [String], hops: [Int],
            fix: String
        ) {
            self.id = id
            self.severity = severity
            self.message = message
            self.objects = objects
            self.nodes = nodes
            self.hops = hops
            self.fix = fix
        }

        package enum Severity: String, Codable, Sendable {
            case blocker, warning
        }

        /// Stable identifier (`pdb.never-allows`), for CI rules and documentation.
        package var id: String
        package var severity: Severity
        /// One line saying what is wrong.
        package var message: String
        /// Kubernetes objects involved (`pdb/istio-system/istiod`, `pod/shop/web-…`).
        package var objects: [String]
        /// Kubernetes node names involved.
        package var nodes: [String]
        /// Hop numbers affected (empty when not tied to a hop).
        package var hops: [Int]
        /// What the operator can do about it.
        package var fix: String
    }

    package struct Summary: Codable, Sendable, Equatable {
        package init(
            outcome: String, blockers: Int, warnings: Int, hops: Int, nodeUpgrades: Int, stopsAt: String? = nil
        ) {
            self.outcome = outcome
            self.blockers = blockers
            self.warnings = warnings
            self.hops = hops
            self.nodeUpgrades = nodeUpgrades
            self.stopsAt = stopsAt
        }

        /// `ready` (exit 0), `blocked` (exit 2) or `nothing-to-do` (exit 0).
        package var outcome: String
        package var blockers: Int
        package var warnings: Int
        package var hops: Int
        /// Node upgrades across all hops.
        package var nodeUpgrades: Int
        /// Set when the plan stops before the target (the `version.stops-early` warning says why): the
        /// version of its last hop, where this upgrade really ends.
        var stopsAt: String?
    }

    /// Whether a blocker was found.
    package var isBlocked: Bool { checks.contains { $0.severity == .blocker } }
}

/// What a step does; the executor maps each to a playbook step list.
package enum StepAction: String, Codable, Sendable, Equatable {
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
