/// A `metav1.LabelSelector` as JSON: `matchLabels` and `matchExpressions`, both optional.
struct KubeLabelSelector: Decodable, Sendable, Equatable {
    /// One `matchExpressions` entry: `{key, operator, values}`.
    struct Requirement: Decodable, Sendable, Equatable {
        var key: String
        var `operator`: LabelSelector.Requirement.Operator
        var values: [String]?

        private enum CodingKeys: String, CodingKey {
            case key, `operator`, values
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            key = try container.decode(String.self, forKey: .key)
            let name = try container.decode(String.self, forKey: .operator)
            guard let known = LabelSelector.Requirement.Operator(rawValue: name) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .operator, in: container,
                    debugDescription: "expected In, NotIn, Exists or DoesNotExist, found \(name.debugDescription)")
            }
            self.operator = known
            values = try container.decodeIfPresent([String].self, forKey: .values)
        }
    }

    var matchLabels: [String: String]?
    var matchExpressions: [Requirement]?

    /// No requirement at all (`{}`, or empty `matchLabels`/`matchExpressions`, which Kubernetes' semantic
    /// equality treats the same).
    var isEmpty: Bool { (matchLabels ?? [:]).isEmpty && (matchExpressions ?? []).isEmpty }

    /// The selector in the domain model.
    var labelSelector: LabelSelector {
        LabelSelector(
            matchLabels: matchLabels ?? [:],
            matchExpressions: (matchExpressions ?? []).map {
                LabelSelector.Requirement(key: $0.key, operator: $0.operator, values: $0.values ?? [])
            })
    }
}
