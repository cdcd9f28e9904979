import Foundation

/// The JSON k8sup prints for machines (`plan -o json`, `apply --dry-run -o json`): sorted keys, indented,
/// slashes unescaped, so the same input gives byte-identical output.
package enum StableJSON {
    package static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // k8sup's documents hold only strings, numbers, booleans and arrays, which always encode.
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
