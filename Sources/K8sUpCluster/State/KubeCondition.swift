/// One entry of a Node's or Pod's `status.conditions`: a type and `"True"`, `"False"` or `"Unknown"`.
struct KubeCondition: Decodable, Sendable, Equatable {
    var type: String
    var status: String
}

extension [KubeCondition] {
    /// The status of the condition of that type (`"True"`, `"False"`, `"Unknown"`), if present.
    package func status(of type: String) -> String? {
        first { $0.type == type }?.status
    }
}
