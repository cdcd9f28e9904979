import Foundation
import K8sUpReaders
import K8sUpSupport
import PythonParity

/// Label selectors from object fields (`spec.selector`) and from `labelSelector=` query strings.
enum SelectorParsing {
    /// A LabelSelector object (`matchLabels`/`matchExpressions`), or a plain label map (the scenario's
    /// shorthand). nil when malformed.
    static func selector(_ value: DataValue) -> SimLabelSelector? {
        guard let mapping = value.mappingValue else { return nil }
        let isFull = mapping["matchLabels"] != nil || mapping["matchExpressions"] != nil
        if !isFull {
            var labels: [String: String] = [:]
            for (key, item) in mapping.entries {
                guard let key = key.stringValue else { return nil }
                labels[key] = item.stringValue ?? item.scalarText
            }
            return SimLabelSelector(matchLabels: labels)
        }
        var requirements: [SimLabelSelector.Requirement] = []
        for item in value[["matchExpressions"]]?.listValue ?? [] {
            guard let key = item.string("key"), let text = item.string("operator"),
                let op = SimLabelSelector.Requirement.Operator(rawValue: text)
            else { return nil }
            let values = (item[["values"]]?.listValue ?? []).compactMap(\.stringValue)
            requirements.append(.init(key: key, operator: op, values: values))
        }
        return SimLabelSelector(matchLabels: value.stringMap("matchLabels"), matchExpressions: requirements)
    }

    /// `app=web,tier!=db,env in (a,b),env notin (c),key,!key`; nil when malformed.
    static func query(_ text: String) -> SimLabelSelector? {
        var selector = SimLabelSelector()
        for term in splitTerms(text) {
            let term = term.trimmingCharacters(in: .whitespaces)
            if term.isEmpty { continue }
            if let range = term.range(of: " notin ") ?? term.range(of: " in ") {
                let key = term[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                let rest = term[range.upperBound...].trimmingCharacters(in: .whitespaces)
                guard rest.hasPrefix("("), rest.hasSuffix(")") else { return nil }
                let values = rest.dropFirst().dropLast().split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                let op: SimLabelSelector.Requirement.Operator = term[range].contains("notin") ? .notIn : .in
                selector.matchExpressions.append(.init(key: key, operator: op, values: values))
            } else if let range = term.range(of: "!=") {
                selector.matchExpressions.append(
                    .init(
                        key: String(term[..<range.lowerBound]), operator: .notIn,
                        values: [String(term[range.upperBound...])]))
            } else if let range = term.range(of: "==") ?? term.range(of: "=") {
                selector.matchLabels[String(term[..<range.lowerBound])] = String(term[range.upperBound...])
            } else if term.hasPrefix("!") {
                selector.matchExpressions.append(.init(key: String(term.dropFirst()), operator: .doesNotExist))
            } else {
                selector.matchExpressions.append(.init(key: term, operator: .exists))
            }
        }
        return selector
    }

    /// Splits at commas outside parentheses.
    private static func splitTerms(_ text: String) -> [String] {
        var terms: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == ",", depth == 0 {
                terms.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        terms.append(current)
        return terms
    }
}
