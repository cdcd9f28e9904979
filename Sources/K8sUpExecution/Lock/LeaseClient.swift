import Foundation
import Glibc
import K8sUpSupport

/// The kubectl calls on the k8sup Lease: get, create, replace (with the resourceVersion as a
/// precondition) and delete, with kubectl's refusals sorted into outcomes the lock logic acts on.
/// Manifests go through a 0600 temporary file in the state directory (they name users and hosts).
///
/// Every call is retried after a transient failure of the cluster API (by a retrying runner), within
/// `budget`. That is safe for the writes too: a create whose answer was lost comes back as
/// AlreadyExists, and `ClusterLock` then finds its own holder in the Lease; a replace whose answer was
/// lost comes back as a Conflict, and `ClusterLock` finds exactly what it wrote. AlreadyExists and
/// Conflict themselves are answers, never retried.
package struct LeaseClient: Sendable {
    package init(
        runner: any CommandRunning, kubectl: @escaping @Sendable ([String], Duration) -> Command,
        stateDirectory: String, budget: RetryBudget = RetryBudget.operation
    ) {
        self.runner = runner
        self.kubectl = kubectl
        self.stateDirectory = stateDirectory
        self.budget = budget
    }

    /// kubectl's answer to a create or replace.
    package enum WriteOutcome: Sendable, Equatable {
        /// Written; the Lease as the apiserver stored it (with its new resourceVersion).
        case written(LeaseRecord)
        case alreadyExists
        /// The resourceVersion was stale: someone else wrote the Lease first.
        case conflict
        case notFound
    }

    package let runner: any CommandRunning
    /// Builds a kubectl command with the run's `--kubeconfig`/`--context`.
    package let kubectl: @Sendable ([String], Duration) -> Command
    /// Where manifests are written for `-f`.
    package let stateDirectory: String
    /// The retry budget of its calls: `.putBack` for the release.
    package var budget = RetryBudget.operation

    package static let timeout = Duration.seconds(30)

    /// The Lease, or nil when there is none.
    package func get() async throws -> LeaseRecord? {
        let command = kubectl(
            ["get", "lease", LeaseRecord.name, "-n", LeaseRecord.namespace, "-o", "json", "--ignore-not-found"],
            Self.timeout
        ).retrying(.kubectl(budget))
        let result = try await runner.run(command)
        guard result.succeeded else {
            if Self.says(result, Self.notFoundPhrase) { return nil }
            throw LockError.kubectl(CommandError.failed(command, result))
        }
        guard result.stdout.contains(where: { !$0.isWhitespace }) else { return nil }
        return try LeaseRecord.parse(result.stdout)
    }

    package func create(_ lease: LeaseRecord) async throws -> WriteOutcome {
        try await write("create", lease)
    }

    /// Replaces the Lease; with `lease.resourceVersion` set, only if nobody wrote it since.
    package func replace(_ lease: LeaseRecord) async throws -> WriteOutcome {
        try await write("replace", lease)
    }

    /// Deletes the Lease; nothing happens when it is already gone.
    package func delete() async throws {
        let command = kubectl(
            ["delete", "lease", LeaseRecord.name, "-n", LeaseRecord.namespace, "--ignore-not-found", "--wait=false"],
            Self.timeout
        ).retrying(.kubectl(budget))
        let result = try await runner.run(command)
        guard result.succeeded || Self.says(result, Self.notFoundPhrase) else {
            throw LockError.kubectl(CommandError.failed(command, result))
        }
    }

    private func write(_ verb: String, _ lease: LeaseRecord) async throws -> WriteOutcome {
        let path = try writeManifest(lease.manifest())
        defer { unlink(path) }
        let command = kubectl([verb, "--validate=false", "-f", path, "-o", "json"], Self.timeout)
            .retrying(.kubectl(budget))
        let result = try await runner.run(command)
        if result.succeeded { return .written(try LeaseRecord.parse(result.stdout)) }
        if Self.says(result, "(AlreadyExists)", Self.alreadyExistsPhrase) { return .alreadyExists }
        if Self.says(result, "(Conflict)", "the object has been modified") { return .conflict }
        if Self.says(result, Self.notFoundPhrase) { return .notFound }
        throw LockError.kubectl(CommandError(command, result) ?? .failed(command, result))
    }

    /// A new 0600 file in the state directory holding `text`.
    private func writeManifest(_ text: String) throws(LockError) -> String {
        do {
            try StateDirectory.create(stateDirectory)
        } catch {
            throw .cannotWriteManifest(path: stateDirectory, reason: error.description)
        }
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let path = stateDirectory + "/lease-\(getpid())-\(random).json"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotWriteManifest(path: path, reason: ErrorText.errnoText()) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            let reason = written < 0 ? ErrorText.errnoText() : "short write"
            unlink(path)
            throw .cannotWriteManifest(path: path, reason: reason)
        }
        return path
    }

    /// What kubectl prints about this Lease in particular (so a missing kubeconfig file, also "not found",
    /// is never taken for a missing Lease).
    static let notFoundPhrase = "leases.coordination.k8s.io \"\(LeaseRecord.name)\" not found"
    static let alreadyExistsPhrase = "leases.coordination.k8s.io \"\(LeaseRecord.name)\" already exists"

    /// kubectl's error output names the status reason (`Error from server (Conflict): …`).
    private static func says(_ result: CommandResult, _ markers: String...) -> Bool {
        let text = result.stderr + "\n" + result.stdout
        return markers.contains { text.contains($0) }
    }
}
