/// A PodDisruptionBudget's `minAvailable` or `maxUnavailable`: Kubernetes' IntOrString, which is either a
/// JSON integer (a count) or a JSON string that must be a percentage.
///
/// The rules are the apiserver's (`ValidatePositiveIntOrPercent`, `IsValidPercent`): a count is 0 or
/// more; a string must be digits followed by `%` (`"50%"`) and at most 100%. A numeric string such as
/// `"2"` is *not* a count: IntOrString keeps it as a string, the apiserver refuses it ("must be an integer
/// or percentage") and the disruption controller fails on it ("string is not a percentage"), so it is
/// refused here too rather than guessed at.
enum KubeIntOrString: Decodable, Sendable, Equatable {
    case count(Int)
    case percent(Int)

    static let expected = #"an integer or a percentage like "50%""#

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let count = try? container.decode(Int.self) {
            guard count >= 0 else { throw Self.refusal(decoder, note: "a count cannot be negative") }
            self = .count(count)
        } else if let text = try? container.decode(String.self) {
            self = try Self.percentage(text, decoder: decoder)
        } else {
            throw Self.refusal(decoder)
        }
    }

    private static func percentage(_ text: String, decoder: any Decoder) throws -> KubeIntOrString {
        let digits = text.utf8.dropLast()
        guard text.hasSuffix("%"), !digits.isEmpty,
            digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else {
            if let number = Int(text), number >= 0 {
                throw refusal(
                    decoder, note: "a string must end in % to be a percentage; write \(text) without quotes for a count"
                )
            }
            throw refusal(decoder, note: "a percentage is whole digits followed by %")
        }
        guard let percent = Int(String(decoding: digits, as: UTF8.self)), percent <= 100 else {
            throw refusal(decoder, note: "a percentage cannot be more than 100%")
        }
        return .percent(percent)
    }

    private static func refusal(_ decoder: any Decoder, note: String? = nil) -> DecodingError {
        let found = (decoder as? KubeTreeDecoder)?.foundDescription ?? "another kind of value"
        let message = "expected \(expected), found \(found)" + (note.map { " (\($0))" } ?? "")
        return .dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: message))
    }

    /// The same amount in the domain model.
    var amount: DisruptionBudget.Amount {
        switch self {
        case .count(let count): return .count(count)
        case .percent(let percent): return .percent(percent)
        }
    }
}
