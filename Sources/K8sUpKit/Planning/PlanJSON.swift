import Foundation

/// `k8sup plan -o json` and `--out FILE`: the plan as one stable JSON document (sorted keys, two-space
/// indentation), and back again for `apply --plan FILE`.
public enum PlanJSON {
    public static func encode(_ plan: UpgradePlan) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail.
        guard let data = try? encoder.encode(plan) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public static func decode(_ text: String) throws -> UpgradePlan {
        try JSONDecoder().decode(UpgradePlan.self, from: Data(text.utf8))
    }
}
