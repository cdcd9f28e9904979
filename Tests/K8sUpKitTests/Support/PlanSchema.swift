import Foundation

@testable import K8sUpCLI
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// The JSON Schema of `k8sup plan -o json`, read from `docs/plan.schema.json` (the file the README
/// points users to), so that the documentation and the test cannot drift apart.
enum PlanSchema {
    static let path = TestPaths.packageRoot + "/docs/plan.schema.json"

    struct NotFound: Error, CustomStringConvertible {
        var description: String { "docs/plan.schema.json holds no JSON document" }
    }

    static func upgradePlan() throws -> JSONSchemaValidator {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let schema = try DataFiles.parse(text, file: "docs/plan.schema.json") else { throw NotFound() }
        return try JSONSchemaValidator(schema: schema)
    }
}
