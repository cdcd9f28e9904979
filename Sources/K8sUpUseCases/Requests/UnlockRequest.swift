/// `unlock`: which cluster's lock to show and remove, and whether to ask first.
package struct UnlockRequest: Sendable {
    /// Only its paths are used: the inventory may say how to reach the cluster.
    package var inventory = InventoryChoice()
    package var cluster = ClusterAccess()
    package var stateDirectory: String?
    /// Remove the lock without asking.
    package var assumeYes = false

    package init() {}
}
