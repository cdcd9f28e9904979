import Foundation
import K8sSimKit
import K8sUpCLI
import K8sUpCluster
import K8sUpExecution
import K8sUpInventory
import K8sUpPlanning
import K8sUpReaders
import K8sUpSupport
import K8sUpUseCases
import PythonParity

/// The JSON Schema of `k8sup plan -o json`, read from `docs/plan.schema.json` (the file the README
/// points users to), so that the documentation and the test cannot drift apart.
package enum PlanSchema {
    package static let path = TestPaths.packageRoot + "/docs/plan.schema.json"

    package struct NotFound: Error, CustomStringConvertible {
        package var description: String { "docs/plan.schema.json holds no JSON document" }
    }

    package static func upgradePlan() throws -> JSONSchemaValidator {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let schema = try DataFiles.parse(text, file: "docs/plan.schema.json") else { throw NotFound() }
        return try JSONSchemaValidator(schema: schema)
    }
}
