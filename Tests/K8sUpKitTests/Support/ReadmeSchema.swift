import Foundation

@testable import K8sUpKit

/// The JSON Schema of `k8sup plan -o json`, read from the README (the ```json block after the
/// "Plan JSON schema" heading), so that the documentation and the test cannot drift apart.
enum ReadmeSchema {
    struct NotFound: Error, CustomStringConvertible {
        var description: String { "README.md has no ```json block under a 'Plan JSON schema' heading" }
    }

    static func upgradePlan() throws -> JSONSchemaValidator {
        let readme = try String(contentsOfFile: TestPaths.packageRoot + "/README.md", encoding: .utf8)
        guard let heading = readme.range(of: "Plan JSON schema"),
            let open = readme.range(of: "```json\n", range: heading.upperBound..<readme.endIndex),
            let close = readme.range(of: "\n```", range: open.upperBound..<readme.endIndex)
        else { throw NotFound() }
        let text = String(readme[open.upperBound..<close.lowerBound])
        guard let schema = try DataFiles.parse(text, file: "README.md (Plan JSON schema)") else { throw NotFound() }
        return try JSONSchemaValidator(schema: schema)
    }
}
