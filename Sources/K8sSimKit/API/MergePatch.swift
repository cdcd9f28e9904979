import K8sUpReaders
import K8sUpSupport
import PythonParity

/// JSON merge patch (RFC 7386), which is also what a strategic-merge patch does to the fields kubectl
/// touches (`spec.unschedulable`, labels, annotations): maps merge, `null` removes, anything else replaces.
enum MergePatch {
    static func apply(_ patch: DataValue, to target: DataValue) -> DataValue {
        guard let patchMapping = patch.mappingValue else { return patch }
        var result = target.mappingValue ?? DataMapping()
        for (key, value) in patchMapping.entries {
            if key.stringValue?.hasPrefix("$") == true { continue }
            if value.isNull {
                result[key] = nil
            } else {
                result[key] = apply(value, to: result[key] ?? .null)
            }
        }
        return .mapping(result)
    }
}
