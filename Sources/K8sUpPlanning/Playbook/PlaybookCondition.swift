import K8sUpSupport
import PythonParity

/// A `when` condition of a playbook command: `NAME OP VALUE`, e.g. `target >= 1.32` or
/// `etcd_deployment_type == host`.
///
/// When both sides read as Kubernetes versions (`1.30`, `v1.30.4`) they compare as versions, and a
/// minor compares with a version's minor (`target == 1.30` holds for 1.30.4). Otherwise only `==` and
/// `!=` apply, on the text; a boolean var also equals `true`/`false`/`yes`/`no` in any case. VALUE may be
/// quoted (`""` for the empty string).
package struct PlaybookCondition: Sendable, Equatable {
    package enum Operator: String, Sendable, CaseIterable {
        case equal = "==", notEqual = "!=", lessOrEqual = "<=", greaterOrEqual = ">=", less = "<", greater = ">"

        var ordersVersions: Bool { self != .equal && self != .notEqual }
    }

    /// The built-in or declared var on the left.
    package let name: String
    let comparison: Operator
    /// The literal on the right, unquoted.
    package let value: String
    /// The condition as written.
    package let text: String
    package let location: SourceLocation

    /// Reads `NAME OP VALUE`; the names it may use are checked by the loader.
    package static func parse(_ text: String, at location: SourceLocation) throws(PlaybookError) -> PlaybookCondition {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let name = String(trimmed.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        guard !name.isEmpty, PlaceholderScanner.isName(name) else {
            throw .badCondition(location, condition: text, problem: "expected NAME OP VALUE, e.g. target >= 1.32")
        }
        let rest = trimmed.dropFirst(name.count).drop { $0 == " " }
        guard let comparison = Operator.allCases.first(where: { rest.hasPrefix($0.rawValue) }) else {
            throw .badCondition(
                location, condition: text, problem: "after '\(name)' expected one of == != < <= > >=")
        }
        let literal = rest.dropFirst(comparison.rawValue.count).trimmingCharacters(in: .whitespaces)
        guard let value = Self.unquoted(literal) else {
            throw .badCondition(
                location, condition: text,
                problem: "expected a value after '\(comparison.rawValue)' (write \"\" for the empty string)")
        }
        if comparison.ordersVersions, VersionOperand(value) == nil {
            throw .badCondition(
                location, condition: text,
                problem: "'\(comparison.rawValue)' compares Kubernetes versions, and '\(value)' is not one "
                    + "(write e.g. 1.32 or v1.30.4); text only compares with == and !=")
        }
        return PlaybookCondition(name: name, comparison: comparison, value: value, text: text, location: location)
    }

    /// The literal without one pair of surrounding quotes; nil when there is nothing or a quote is unclosed.
    private static func unquoted(_ literal: String) -> String? {
        guard let first = literal.first else { return nil }
        guard first == "\"" || first == "'" else { return literal }
        guard literal.count >= 2, literal.last == first else { return nil }
        return String(literal.dropFirst().dropLast())
    }

    /// Whether the condition holds when the name has `actual`; `host` is for the error.
    package func holds(for actual: DataValue, host: String) throws(PlaybookError) -> Bool {
        let text = actual.scalarText
        if let left = VersionOperand(text), let right = VersionOperand(value) {
            let order = left.compare(with: right)
            switch comparison {
            case .equal: return order == 0
            case .notEqual: return order != 0
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            case .greaterOrEqual: return order >= 0
            }
        }
        guard !comparison.ordersVersions else {
            throw .badComparison(
                location, host: host, condition: self.text,
                problem: "'\(name)' is '\(text)', which is not a Kubernetes version")
        }
        var equal = text == value
        if case .bool(let flag) = actual, let expected = Self.boolean(value) { equal = flag == expected }
        return comparison == .equal ? equal : !equal
    }

    private static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }
}

/// One side of a version comparison: a full version or a minor.
private enum VersionOperand {
    case version(KubeVersion)
    case minor(KubeMinor)

    init?(_ text: String) {
        if let version = try? KubeVersion(parsing: text) {
            self = .version(version)
        } else if let minor = try? KubeMinor(parsing: text) {
            self = .minor(minor)
        } else {
            return nil
        }
    }

    /// Negative, zero or positive; a minor on either side compares minors only.
    func compare(with other: VersionOperand) -> Int {
        switch (self, other) {
        case (.version(let left), .version(let right)):
            return left < right ? -1 : left == right ? 0 : 1
        default:
            let left = minorVersion, right = other.minorVersion
            return left < right ? -1 : left == right ? 0 : 1
        }
    }

    private var minorVersion: KubeMinor {
        switch self {
        case .version(let version): return version.minorVersion
        case .minor(let minor): return minor
        }
    }
}
