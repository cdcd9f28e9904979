import K8sUpSupport
import PythonParity

/// A node of a YAML or JSON document with the place it starts, for code outside K8sUpKit (k8sim's
/// scenario files, cluster snapshots and request bodies) that must report errors as `file:line:column`.
///
/// A read-only view of the loader's tree: scalars are resolved as Ansible resolves them, `!unsafe` and
/// `!vault` strings read as plain strings.
package struct DataNode: Sendable {
    package let node: YAMLNode

    package init(_ node: YAMLNode) {
        self.node = node
    }

    /// The whole subtree as plain data.
    package var value: DataValue { node.plainValue }

    /// Where the node starts.
    package var location: SourceLocation { node.location }

    /// The entries in document order, if this is a mapping.
    package var entries: [(key: DataNode, value: DataNode)]? {
        node.mappingEntries?.map { (key: DataNode($0.key), value: DataNode($0.value)) }
    }

    /// The items, if this is a list.
    package var items: [DataNode]? { node.sequenceItems?.map(DataNode.init) }

    /// The text, if this is a string.
    package var stringValue: String? { node.stringValue }

    /// True for a null scalar.
    package var isNull: Bool { node.isNull }

    /// The kind in Python's words ("mapping", "list", "string", …), for error messages.
    package var kindName: String { node.kindName }

    /// The value of `key`, if this is a mapping that has it.
    package subscript(key: String) -> DataNode? { node[key].map(DataNode.init) }

    /// Loads `text` as JSON if it is JSON, else as one YAML document; nil for an empty YAML stream.
    package static func load(text: String, file: String) throws(DataNodeError) -> DataNode? {
        do {
            return try DataFileLoader.load(text: text, file: file).map(DataNode.init)
        } catch {
            throw DataNodeError(location: error.location, message: error.message)
        }
    }

    /// Loads `text` as strict JSON.
    package static func loadJSON(text: String, file: String) throws(DataNodeError) -> DataNode {
        do {
            return DataNode(try JSONReader.parse(text, file: file))
        } catch {
            throw DataNodeError(location: error.location, message: error.message)
        }
    }
}

/// A syntax error in a document read through `DataNode`, with its place.
package struct DataNodeError: Error, Sendable, Equatable, CustomStringConvertible {
    package var location: SourceLocation
    package var message: String

    package init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    package var description: String { "\(location): \(message)" }
}
