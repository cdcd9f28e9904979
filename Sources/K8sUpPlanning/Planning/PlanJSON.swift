import Foundation
import K8sUpSupport

/// `k8sup plan -o json` and `--out FILE`: the plan as one stable JSON document (sorted keys, two-space
/// indentation), and back again for `apply --plan FILE`.
package enum PlanJSON {
    package static func encode(_ plan: UpgradePlan) -> String {
        StableJSON.encode(plan)
    }

    package static func decode(_ text: String) throws -> UpgradePlan {
        try JSONDecoder().decode(UpgradePlan.self, from: Data(text.utf8))
    }
}
