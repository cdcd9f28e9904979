/// `-o text|json`: how plan, status and apply's dry run print their result.
package enum OutputFormat: String, CaseIterable, Sendable {
    case text, json
}
