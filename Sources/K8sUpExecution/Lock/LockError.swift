import Foundation
import K8sUpSupport

/// Why the cluster lock (Lease `kube-system/k8sup`) could not be taken, kept or read. Exit code 1.
package enum LockError: Error, Equatable, CustomStringConvertible {
    /// Another run holds an unexpired lock.
    case held(holder: String, since: Date?, renewed: Date?, expires: Date?)
    /// The lock was taken over or deleted while this run held it (or could not be renewed before it
    /// expired): another run may be changing the cluster, so this one must stop at the next safe point.
    case lost(reason: String)
    /// The lock changed under k8sup several times in a row while it tried to take it.
    case contended
    /// kubectl failed in a way that says nothing about the lock (unreachable cluster, no permission).
    case kubectl(CommandError)
    /// kubectl printed something that is not a Lease.
    case unreadable(reason: String)
    /// The Lease manifest could not be written to the state directory.
    case cannotWriteManifest(path: String, reason: String)

    package static let leaseName = "Lease kube-system/k8sup"

    package var description: String {
        switch self {
        case .held(let holder, let since, let renewed, let expires):
            var text = "the cluster is locked by another k8sup run: \(holder) holds \(Self.leaseName)"
            if let since { text += " since \(RFC3339.format(since, fractionDigits: 0))" }
            if let renewed { text += ", renewed \(RFC3339.format(renewed, fractionDigits: 0))" }
            if let expires { text += ", expires \(RFC3339.format(expires, fractionDigits: 0)) unless renewed" }
            return text
                + ". Wait for that run to finish; if it is dead (its machine crashed or it was killed), "
                + "remove the lock with 'k8sup unlock' and run apply again"
        case .lost(let reason):
            return "lost the cluster lock (\(Self.leaseName)): \(reason); another run may be changing the cluster, "
                + "so this run stopped. Check 'k8sup status' and the Lease's holder before running apply again"
        case .contended:
            return "could not take the cluster lock (\(Self.leaseName)): it changed under k8sup several times in "
                + "a row; another k8sup run is starting — check 'k8sup unlock' to see who holds it"
        case .kubectl(let error):
            return "cannot use the cluster lock (\(Self.leaseName)): \(error)"
        case .unreadable(let reason):
            return "cannot read the cluster lock (\(Self.leaseName)): \(reason)"
        case .cannotWriteManifest(let path, let reason):
            return "cannot write the lock manifest \(path): \(reason); pass --state-dir with a writable directory"
        }
    }
}
