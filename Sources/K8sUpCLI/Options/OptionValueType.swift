import K8sUpPlanning
import K8sUpSupport

/// How an option's text on the command line becomes a typed value, and how a value reads in help (for
/// the default). The few kinds k8sup needs are below; every option of a kind is checked the same way and
/// refused with the same kind of message.
struct OptionValueType<Value: Sendable>: Sendable {
    /// The placeholder in usage lines and help: `PATH`, `DURATION`, `text|json`.
    let placeholder: String
    let parse: @Sendable (String) throws(OptionValueProblem) -> Value
    let describe: @Sendable (Value) -> String
}

/// Why an option's value was refused; `ParsedArguments` turns it into the usage error, naming the option.
enum OptionValueProblem: Error, Equatable {
    /// The value is not of the expected kind: "must be \(expectation), not 'TEXT'".
    case expected(String)
    /// The value's own parser explained what is wrong with it.
    case invalid(String)

    /// `--batch must be a whole number of at least 1, not '0'` or `--to: "1.30" is not a Kubernetes version`.
    func message(option: String, text: String) -> String {
        switch self {
        case .expected(let expectation): "\(option) must be \(expectation), not '\(text)'"
        case .invalid(let reason): "\(option): \(reason)"
        }
    }
}

extension OptionValueType where Value == String {
    /// Any text, shown as `placeholder` (`PATH`, `NAME|FILE`).
    static func text(_ placeholder: String) -> OptionValueType<String> {
        OptionValueType(placeholder: placeholder, parse: { $0 }, describe: { $0 })
    }
}

extension OptionValueType where Value == Int {
    /// A whole number of at least `minimum`.
    static func count(minimum: Int, placeholder: String = "N") -> OptionValueType<Int> {
        OptionValueType(
            placeholder: placeholder,
            parse: { text throws(OptionValueProblem) in
                guard let value = Int(text), value >= minimum else {
                    throw .expected("a whole number of at least \(minimum)")
                }
                return value
            }, describe: { "\($0)" })
    }
}

extension OptionValueType where Value == Duration {
    /// `5m`, `90s`, `1h30m`, `500ms` or plain seconds.
    static var duration: OptionValueType<Duration> {
        OptionValueType(
            placeholder: "DURATION",
            parse: { text throws(OptionValueProblem) in
                guard let duration = DurationText.parse(text) else {
                    throw .expected("a duration such as 5m, 90s, 1h30m or 500ms")
                }
                return duration
            }, describe: { $0.compactDescription })
    }
}

extension OptionValueType where Value == KubeVersion {
    /// A Kubernetes version: `v1.30.4` or `1.30.4`.
    static var kubeVersion: OptionValueType<KubeVersion> {
        OptionValueType(
            placeholder: "VERSION",
            parse: { text throws(OptionValueProblem) in
                do {
                    return try KubeVersion(parsing: text)
                } catch {
                    throw .invalid("\(error)")
                }
            }, describe: { $0.description })
    }
}

extension OptionValueType {
    /// One of an enum's raw values, shown as `a|b|c`.
    static func choice(_ type: Value.Type) -> OptionValueType<Value>
    where Value: CaseIterable & RawRepresentable, Value.RawValue == String {
        let names = Value.allCases.map(\.rawValue)
        let listed = names.dropLast().joined(separator: ", ") + (names.count > 1 ? " or " : "") + (names.last ?? "")
        return OptionValueType(
            placeholder: names.joined(separator: "|"),
            parse: { text throws(OptionValueProblem) in
                guard let value = Value(rawValue: text) else { throw .expected(listed) }
                return value
            }, describe: { $0.rawValue })
    }
}

extension OptionValueType where Value: CustomStringConvertible {
    /// A value that reads itself from text (nil: not one), shown by its description.
    static func reading(
        _ placeholder: String, expected: String, _ read: @escaping @Sendable (String) -> Value?
    ) -> OptionValueType<Value> {
        OptionValueType(
            placeholder: placeholder,
            parse: { text throws(OptionValueProblem) in
                guard let value = read(text) else { throw .expected(expected) }
                return value
            }, describe: { $0.description })
    }
}

extension OptionValueType where Value == WorkerBatching {
    /// `--batch N|auto`.
    static var workerBatching: OptionValueType<WorkerBatching> {
        .reading("N|auto", expected: "a whole number of at least 1 or auto") { WorkerBatching(text: $0) }
    }
}

extension OptionValueType where Value == NodeShare {
    /// `--max-unavailable N|N%`.
    static var nodeShare: OptionValueType<NodeShare> {
        .reading("N|N%", expected: "a whole number of at least 1 or a percentage from 1% to 100%") {
            NodeShare(text: $0)
        }
    }
}
