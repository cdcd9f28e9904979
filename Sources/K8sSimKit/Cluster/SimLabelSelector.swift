/// A Kubernetes label selector as the simulated apiserver evaluates it (`metav1.LabelSelector`): every
/// `matchLabels` pair and every `matchExpressions` requirement must hold. An empty selector holds for
/// every label set; whether a missing selector selects anything is the caller's rule (a policy/v1
/// PodDisruptionBudget without one selects no pod).
package struct SimLabelSelector: Sendable, Equatable {
    /// One `matchExpressions` entry.
    package struct Requirement: Sendable, Equatable {
        /// The operators of `matchExpressions`, spelled as in the API.
        package enum Operator: String, Sendable, Equatable {
            case `in` = "In"
            case notIn = "NotIn"
            case exists = "Exists"
            case doesNotExist = "DoesNotExist"
        }

        package var key: String
        package var `operator`: Operator
        package var values: [String]

        package init(key: String, operator: Operator, values: [String] = []) {
            self.key = key
            self.operator = `operator`
            self.values = values
        }

        /// In: the label is there with one of the values. NotIn: the label is missing or has none of
        /// them. Exists / DoesNotExist: the key is there / is not.
        package func holds(for labels: [String: String]) -> Bool {
            let value = labels[key]
            switch `operator` {
            case .in: return value.map(values.contains) ?? false
            case .notIn: return value.map { !values.contains($0) } ?? true
            case .exists: return value != nil
            case .doesNotExist: return value == nil
            }
        }
    }

    package var matchLabels: [String: String]
    package var matchExpressions: [Requirement]

    package init(matchLabels: [String: String] = [:], matchExpressions: [Requirement] = []) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
    }

    /// Whether an object with `labels` is selected.
    package func matches(_ labels: [String: String]) -> Bool {
        matchLabels.allSatisfy { labels[$0.key] == $0.value } && matchExpressions.allSatisfy { $0.holds(for: labels) }
    }
}
