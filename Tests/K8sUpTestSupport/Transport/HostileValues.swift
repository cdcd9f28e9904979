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

/// Inventory values that would run `touch <marker>` if any shell on their way read them unquoted: the
/// injection tests of the transport and of k8sim's ssh stand-in feed them through.
package enum HostileValues {
    package static func values(marker: String) -> [String] {
        [
            "x; touch \(marker)", "$(touch \(marker))", "`touch \(marker)`", "'; touch \(marker); '",
            "\"; touch \(marker) #", "a\ntouch \(marker)", "-oProxyCommand=touch \(marker)", "x && touch \(marker) &",
            "it's | touch \(marker)", "%h %p ${IFS}touch${IFS}\(marker)",
        ]
    }
}
