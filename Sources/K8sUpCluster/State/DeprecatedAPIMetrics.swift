import Foundation
import K8sUpSupport

/// Reads `apiserver_requested_deprecated_apis` series from the apiserver's Prometheus text metrics
/// (`kubectl get --raw /metrics`): one gauge per deprecated API version clients requested, labelled
/// with `group`, `version`, `resource`, `subresource` and `removed_release`.
enum DeprecatedAPIMetrics {
    static let metricName = "apiserver_requested_deprecated_apis"

    static func parse(_ metrics: String) -> [DeprecatedAPIUse] {
        var uses: [DeprecatedAPIUse] = []
        for line in metrics.split(whereSeparator: \.isNewline) where line.hasPrefix(metricName + "{") {
            guard let close = line.lastIndex(of: "}") else { continue }
            let value = line[line.index(after: close)...].trimmingCharacters(in: .whitespaces)
            // A gauge of 0 means the API was not requested since the apiserver started.
            guard let number = Double(value.split(separator: " ").first ?? ""), number > 0 else { continue }
            let labels = Self.labels(line[line.index(line.startIndex, offsetBy: metricName.count + 1)..<close])
            let removed = labels["removed_release"].flatMap { $0.isEmpty ? nil : try? KubeMinor(parsing: $0) }
            let subresource = labels["subresource"].map { $0.isEmpty ? "" : "/" + $0 } ?? ""
            let use = DeprecatedAPIUse(
                group: labels["group"] ?? "", version: labels["version"] ?? "",
                resource: (labels["resource"] ?? "") + subresource, removedRelease: removed)
            if !uses.contains(use) { uses.append(use) }
        }
        return uses
    }

    /// `a="x",b="y\"z"` → labels, with Prometheus escapes (`\\`, `\"`, `\n`).
    private static func labels(_ text: Substring) -> [String: String] {
        var labels: [String: String] = [:]
        var rest = text[...]
        while let equals = rest.firstIndex(of: "=") {
            let name = rest[..<equals].trimmingCharacters(in: .whitespaces.union(.init(charactersIn: ",")))
            var index = rest.index(after: equals)
            guard index < rest.endIndex, rest[index] == "\"" else { break }
            index = rest.index(after: index)
            var value = ""
            while index < rest.endIndex, rest[index] != "\"" {
                if rest[index] == "\\", rest.index(after: index) < rest.endIndex {
                    index = rest.index(after: index)
                    value.append(rest[index] == "n" ? "\n" : rest[index])
                } else {
                    value.append(rest[index])
                }
                index = rest.index(after: index)
            }
            labels[name] = value
            rest = index < rest.endIndex ? rest[rest.index(after: index)...] : ""
        }
        return labels
    }
}
