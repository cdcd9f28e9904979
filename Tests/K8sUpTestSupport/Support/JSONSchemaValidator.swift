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

/// A small JSON Schema validator (the draft 2020-12 keywords the UpgradePlan schema in docs/plan.schema.json uses:
/// `type`, `properties`, `required`, `additionalProperties` (false or a schema), `items`, `enum`,
/// `const`, `pattern`, `minimum`, `$ref` to `#/$defs/NAME`), so the documented schema is tested.
package struct JSONSchemaValidator {
    package let root: DataMapping

    package init(schema: DataValue) throws {
        guard case .mapping(let mapping) = schema else {
            throw Problem(path: "$", message: "the schema is not an object")
        }
        root = mapping
    }

    package struct Problem: Error, CustomStringConvertible {
        package init(path: String, message: String) {
            self.path = path
            self.message = message
        }

        package let path: String
        package let message: String
        package var description: String { "\(path): \(message)" }
    }

    /// Every place the document breaks the schema.
    package func validate(_ document: DataValue) -> [Problem] {
        var problems: [Problem] = []
        check(document, against: .mapping(root), path: "$", into: &problems)
        return problems
    }

    private func check(_ value: DataValue, against schemaValue: DataValue, path: String, into problems: inout [Problem])
    {
        guard case .mapping(var schema) = schemaValue else { return }
        if let reference = schema["$ref"]?.stringValue {
            let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
            guard let target = root["$defs"]?.mappingValue?[name] else {
                problems.append(Problem(path: path, message: "unknown $ref \(reference)"))
                return
            }
            schema = target.mappingValue ?? DataMapping()
        }
        if let type = schema["type"], !Self.matches(value, type: type) {
            problems.append(Problem(path: path, message: "expected \(type.scalarText), found \(value.kindName)"))
            return
        }
        if let options = schema["enum"]?.listValue, !options.contains(value) {
            problems.append(
                Problem(
                    path: path, message: "\(value.scalarText) is not one of \(PythonJSONWriter.compact(.list(options)))"
                ))
        }
        if let constant = schema["const"], constant != value {
            problems.append(Problem(path: path, message: "expected \(constant.scalarText)"))
        }
        if let pattern = schema["pattern"]?.stringValue, case .string(let text) = value,
            text.range(of: pattern, options: .regularExpression) == nil
        {
            problems.append(Problem(path: path, message: "'\(text)' does not match \(pattern)"))
        }
        if case .int(let number) = value, case .int(let minimum)? = schema["minimum"], number < minimum {
            problems.append(Problem(path: path, message: "\(number) is below the minimum \(minimum)"))
        }
        if case .list(let items) = value, let itemSchema = schema["items"] {
            for (index, item) in items.enumerated() {
                check(item, against: itemSchema, path: "\(path)[\(index)]", into: &problems)
            }
        }
        if case .mapping(let object) = value { checkObject(object, schema: schema, path: path, into: &problems) }
    }

    private func checkObject(_ object: DataMapping, schema: DataMapping, path: String, into problems: inout [Problem]) {
        let properties = schema["properties"]?.mappingValue ?? DataMapping()
        for required in schema["required"]?.listValue ?? [] where !object.contains(required) {
            problems.append(Problem(path: path, message: "missing required property \(required.scalarText)"))
        }
        for (key, value) in object.entries {
            let name = key.scalarText
            if let propertySchema = properties[key] {
                check(value, against: propertySchema, path: "\(path).\(name)", into: &problems)
            } else if let additional = schema["additionalProperties"] {
                if additional == .bool(false) {
                    problems.append(Problem(path: path, message: "unexpected property \(name)"))
                } else {
                    check(value, against: additional, path: "\(path).\(name)", into: &problems)
                }
            }
        }
    }

    private static func matches(_ value: DataValue, type: DataValue) -> Bool {
        if case .list(let types) = type { return types.contains { matches(value, type: $0) } }
        switch (type.stringValue, value) {
        case ("object", .mapping), ("array", .list), ("string", .string), ("boolean", .bool), ("null", .null),
            ("integer", .int), ("integer", .bigInt), ("number", .int), ("number", .float):
            return true
        default:
            return false
        }
    }
}
