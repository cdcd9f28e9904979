import Foundation

/// A Kubernetes resource quantity (`250m`, `2`, `1.5`, `128Mi`, `1G`, `1e3`) as a pod's requests or a
/// node's allocatable carry it: a JSON string, or a number in hand-written files. A quantity that does
/// not parse is kept as nil rather than refusing the whole cluster state: it only weakens the capacity
/// estimate of `--batch auto`, it does not make a plan wrong.
package struct KubeQuantity: Decodable, Sendable, Equatable {
    /// The value in base units (cores, bytes), or nil when the text is not a quantity.
    package let value: Double?

    package init(_ text: String) {
        value = Self.parse(text)
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Strings first: they are what kubectl prints, and a failed attempt costs an error and its message.
        if let text = try? container.decode(String.self) {
            value = Self.parse(text)
        } else if let number = try? container.decode(Double.self) {
            value = number
        } else {
            value = nil
        }
    }

    /// Thousandths, rounded up as Kubernetes rounds `MilliValue` (CPU in millicores).
    package var milliValue: Int? { value.map { Int(($0 * 1000).rounded(.up)) } }

    /// Whole units, rounded up (memory in bytes).
    package var wholeValue: Int? { value.map { Int($0.rounded(.up)) } }

    private static let suffixes: [String: Double] = [
        "n": 1e-9, "u": 1e-6, "m": 1e-3, "": 1, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18,
        "Ki": 1024, "Mi": 1_048_576, "Gi": 1_073_741_824, "Ti": 1_099_511_627_776, "Pi": 1_125_899_906_842_624,
        "Ei": 1_152_921_504_606_846_976,
    ]

    /// Digits with an optional sign and decimal point, then a binary (`Ki`…`Ei`) or decimal (`n`…`E`)
    /// suffix or an exponent (`1e3`).
    package static func parse(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let numberEnd = trimmed.firstIndex(where: { !"+-.0123456789".contains($0) }) else {
            return Double(trimmed).flatMap { $0 >= 0 ? $0 : nil }
        }
        guard let number = Double(trimmed[..<numberEnd]), number >= 0 else { return nil }
        let suffix = String(trimmed[numberEnd...])
        if let factor = suffixes[suffix] { return number * factor }
        if suffix.first == "e" || suffix.first == "E", let exponent = Int(suffix.dropFirst()) {
            return number * pow(10, Double(exponent))
        }
        return nil
    }
}
