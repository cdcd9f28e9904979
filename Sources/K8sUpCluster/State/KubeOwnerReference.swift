/// One entry of `metadata.ownerReferences`.
struct KubeOwnerReference: Decodable, Sendable, Equatable {
    var apiVersion: String?
    var kind: String
    var name: String
    var uid: String?
    /// `true` on the managing controller's reference; absent (false) on other owners.
    var controller: Bool?
}
