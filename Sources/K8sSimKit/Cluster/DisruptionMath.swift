import K8sUpReaders
import K8sUpSupport
import PythonParity

/// The disruption controller's status arithmetic (`pkg/controller/disruption/disruption.go`), as a pure
/// function.
package enum DisruptionMath {
    /// `minAvailable` / `maxUnavailable`: an integer or a percentage.
    package enum Amount: Sendable, Equatable {
        case count(Int)
        case percent(Int)

        /// `2`, `"50%"`; nil for anything else.
        package init?(_ value: DataValue?) {
            switch value {
            case .int(let number)?: self = .count(number)
            case .string(let text)? where text.hasSuffix("%"):
                guard let number = Int(text.dropLast()) else { return nil }
                self = .percent(number)
            default: return nil
            }
        }

        /// The value scaled against `total`, percentages rounded up (`GetScaledValueFromIntOrPercent`).
        package func scaled(_ total: Int) -> Int {
            switch self {
            case .count(let number): return number
            case .percent(let percent): return (percent * total + 99) / 100
            }
        }

        package var isPercent: Bool {
            if case .percent = self { return true }
            return false
        }

        package var dataValue: DataValue {
            switch self {
            case .count(let number): return .int(number)
            case .percent(let percent): return .string("\(percent)%")
            }
        }
    }

    /// What the controller knows about one pod the budget selects.
    package struct PodFacts: Sendable, Equatable {
        package enum Controller: Sendable, Equatable {
            /// No controller: ignored for the expected count.
            case none
            /// A controller with a scale (Deployment, ReplicaSet, StatefulSet): its identity and replicas.
            case scaled(id: String, replicas: Int)
            /// A controller without a scale (DaemonSet, Job): the budget cannot be computed from scale.
            case unscaled
        }

        package var ready: Bool
        package var terminating: Bool
        /// Listed in the budget's `status.disruptedPods`.
        package var disrupted: Bool
        package var controller: Controller

        package init(ready: Bool, terminating: Bool = false, disrupted: Bool = false, controller: Controller) {
            self.ready = ready
            self.terminating = terminating
            self.disrupted = disrupted
            self.controller = controller
        }
    }

    /// The computed status fields.
    package struct Status: Sendable, Equatable {
        package var expectedPods: Int
        package var desiredHealthy: Int
        package var currentHealthy: Int
        package var disruptionsAllowed: Int
        /// The controller could not compute the budget (a percentage or maxUnavailable over pods whose
        /// controller has no scale); disruptions are then 0 and the condition reason is `SyncFailed`.
        package var syncFailed: Bool

        package init(
            expectedPods: Int, desiredHealthy: Int, currentHealthy: Int, disruptionsAllowed: Int,
            syncFailed: Bool = false
        ) {
            self.expectedPods = expectedPods
            self.desiredHealthy = desiredHealthy
            self.currentHealthy = currentHealthy
            self.disruptionsAllowed = disruptionsAllowed
            self.syncFailed = syncFailed
        }
    }

    package static func status(minAvailable: Amount?, maxUnavailable: Amount?, pods: [PodFacts]) -> Status {
        let currentHealthy = pods.filter { $0.ready && !$0.terminating && !$0.disrupted }.count
        var expected = 0
        var desired = 0
        if let maxUnavailable {
            guard let scale = expectedScale(pods) else { return failed(currentHealthy) }
            expected = scale
            desired = max(0, expected - maxUnavailable.scaled(expected))
        } else if let minAvailable {
            if minAvailable.isPercent {
                guard let scale = expectedScale(pods) else { return failed(currentHealthy) }
                expected = scale
                desired = minAvailable.scaled(expected)
            } else {
                expected = pods.count
                desired = minAvailable.scaled(expected)
            }
        }
        var allowed = currentHealthy - desired
        if expected <= 0 || allowed <= 0 { allowed = 0 }
        return Status(
            expectedPods: expected, desiredHealthy: desired, currentHealthy: currentHealthy, disruptionsAllowed: allowed
        )
    }

    /// The sum of the scales of the distinct controllers; nil when a controller has no scale.
    static func expectedScale(_ pods: [PodFacts]) -> Int? {
        var seen: [String: Int] = [:]
        for pod in pods {
            switch pod.controller {
            case .none: continue
            case .unscaled: return nil
            case .scaled(let id, let replicas): seen[id] = replicas
            }
        }
        return seen.values.reduce(0, +)
    }

    private static func failed(_ currentHealthy: Int) -> Status {
        Status(
            expectedPods: 0, desiredHealthy: 0, currentHealthy: currentHealthy, disruptionsAllowed: 0, syncFailed: true)
    }
}
