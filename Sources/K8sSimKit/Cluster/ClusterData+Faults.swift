/// What the faults that count or last have done so far; reset whenever the faults change.
struct FaultProgress: Sendable, Equatable {
    /// Connections refused or dropped so far, by the fault's index in `faults`.
    var used: [Int: Int] = [:]
    /// The `ssh-refused` faults whose first refusal happened: the next connections are refused whatever
    /// they run, until the count is used up.
    var armed: Set<Int> = []
    /// The apiserver outage in progress: when it ends (seconds since 1970), and how it shows.
    var outageUntil: Double?
    var outageMode: SimFault.OutageMode?
}

extension ClusterData {
    /// kubeadm replaced `node`'s kube-apiserver static pod (`command` is apply or node): starts the
    /// outage of every `apiserver-outage` fault that applies. Returns the outage now in progress.
    mutating func startOutage(afterKubeadm command: String, on node: String) -> (
        seconds: Double, mode: SimFault.OutageMode
    )? {
        guard nodes[node]?.controlPlane == true else { return nil }
        var started: (seconds: Double, mode: SimFault.OutageMode)?
        for fault in faults {
            guard case .apiserverOutage(let seconds, let mode, let only, let onlyCommand) = fault,
                only == nil || only == node, onlyCommand == nil || onlyCommand == command
            else { continue }
            if seconds > started?.seconds ?? 0 { started = (seconds, mode) }
        }
        guard let started else { return nil }
        faultProgress.outageUntil = max(faultProgress.outageUntil ?? 0, now + started.seconds)
        faultProgress.outageMode = started.mode
        return started
    }

    /// How the apiserver is unavailable now, or nil when it is not.
    var outage: SimFault.OutageMode? {
        guard let until = faultProgress.outageUntil, now < until else { return nil }
        return faultProgress.outageMode
    }

    /// One ssh connection to `node` that runs `command`: uses up one refusal or drop of the faults that
    /// apply, and says what the stand-in must do.
    mutating func sshConnection(node: String, command: String) -> NodeAPI.NodeFaults {
        var answer = nodeFaults(node)
        for (index, fault) in faults.enumerated() {
            switch fault {
            case .sshRefused(let name, let count, let matching) where name == node && !answer.refused:
                let armed = faultProgress.armed.contains(index) || matching.map(command.contains) ?? true
                guard armed, faultProgress.used[index, default: 0] < count else { continue }
                faultProgress.armed.insert(index)
                faultProgress.used[index, default: 0] += 1
                answer.refused = true
            case .sshDrops(let name, let count, let matching) where name == node && !answer.drops:
                guard matching.map(command.contains) ?? true, faultProgress.used[index, default: 0] < count else {
                    continue
                }
                faultProgress.used[index, default: 0] += 1
                answer.drops = true
                answer.dropMatching = matching
            default:
                continue
            }
        }
        if answer.refused { answer.drops = false }
        return answer
    }
}
