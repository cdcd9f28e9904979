/// Why kubectl could not read the live cluster, said in one message that names what k8sup ran, what
/// kubectl said (its first line that means something, not its retry noise), and what to do.
package enum ClusterReadError: Error, Equatable, CustomStringConvertible {
    /// kubectl has no configuration: no `--kubeconfig`, KUBECONFIG unset or naming no file, no
    /// `~/.kube/config`. `missing` says which, in words; `sampleHint` (for k8sup's own sample
    /// inventories) says how to start the simulated cluster instead.
    case noKubeconfig(command: String, kubectlSays: String, missing: String, sampleHint: String?)
    /// kubectl ran and failed (or timed out): `how` is `exit 1` or `timed out after 2m`.
    case kubectlFailed(command: String, how: String, kubectlSays: String)

    package var description: String {
        switch self {
        case .noKubeconfig(let command, let kubectlSays, let missing, let sampleHint):
            var text = "cannot read the cluster: kubectl has no configuration to find it (\(missing)).\n"
            text += "  k8sup ran: \(command)\n"
            text += "  kubectl said: \(kubectlSays)\n"
            text += "Pass --kubeconfig FILE [--context NAME], or --snapshot FILE to plan offline from "
            text += "`\(ClusterStateError.snapshotCommand)`."
            if let sampleHint { text += "\n" + sampleHint }
            return text
        case .kubectlFailed(let command, let how, let kubectlSays):
            return "cannot read the cluster: `\(command)` failed (\(how)): \(kubectlSays)"
        }
    }

    /// The same error with the hint for k8sup's sample inventories.
    package func withSampleHint(_ hint: String) -> ClusterReadError {
        guard case .noKubeconfig(let command, let kubectlSays, let missing, _) = self else { return self }
        return .noKubeconfig(command: command, kubectlSays: kubectlSays, missing: missing, sampleHint: hint)
    }
}
