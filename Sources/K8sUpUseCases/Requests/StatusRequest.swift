/// `status`: where the journal is (beside the inventory, or a state directory) and how to read the
/// cluster beside it.
package struct StatusRequest: Sendable {
    /// Only its paths are used: the inventory locates the journal and may name a snapshot.
    package var inventory = InventoryChoice()
    package var stateDirectory: String?
    package var cluster = ClusterAccess()
    package var output = OutputFormat.text

    package init() {}
}
