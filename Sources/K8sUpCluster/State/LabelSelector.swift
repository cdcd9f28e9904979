/// A Kubernetes label selector (`matchLabels` and `matchExpressions`), as PDBs use it. An empty
/// selector matches every pod (policy/v1 semantics).
package struct LabelSelector: Sendable, Equatable {
    package struct Requirement: Sendable, Equatable {
        package enum Operator: String, Sendable {
            case `in` = "In", notIn = "NotIn", exists = "Exists", doesNotExist = "DoesNotExist"
        }

        package var key: String
        package var `operator`: Operator
        package var values: [String]

        package init(key: String, operator: Operator, values: [String] = []) {
            self.key = key
            self.operator = `operator`
            self.values = values
        }

        func matches(_ labels: [String: String]) -> Bool {
            switch `operator` {
            case .in: return labels[key].map(values.contains) ?? false
            case .notIn: return labels[key].map { !values.contains($0) } ?? true
            case .exists: return labels[key] != nil
            case .doesNotExist: return labels[key] == nil
            }
        }
    }

    package var matchLabels: [String: String]
    package var matchExpressions: [Requirement]

    package init(matchLabels: [String: String] = [:], matchExpressions: [Requirement] = []) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
    }

    package func matches(_ labels: [String: String]) -> Bool {
        matchLabels.allSatisfy { labels[$0.key] == $0.value } && matchExpressions.allSatisfy { $0.matches(labels) }
    }

    /// `app=web,tier in (a,b)` as kubectl prints selectors.
    package var description: String {
        let labels = matchLabels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let expressions = matchExpressions.map { requirement -> String in
            switch requirement.operator {
            case .in: return "\(requirement.key) in (\(requirement.values.joined(separator: ",")))"
            case .notIn: return "\(requirement.key) notin (\(requirement.values.joined(separator: ",")))"
            case .exists: return requirement.key
            case .doesNotExist: return "!\(requirement.key)"
            }
        }
        let all = labels + expressions
        return all.isEmpty ? "(all pods)" : all.joined(separator: ",")
    }
}
