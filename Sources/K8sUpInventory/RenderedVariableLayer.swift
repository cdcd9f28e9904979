import PythonParity

/// One shared group layer of `HostVariableLayers`, written once as the entries of a host's vars mapping
/// in `ansible-inventory --list` (sorted as its encoder sorts them, each preceded by its separator and
/// indentation), so that every host on the layer copies whole runs of it and renders only its own vars.
///
/// The result is byte for byte what `PythonJSONOutput.write(.mapping(layer.merging(own)))` writes: an own
/// var with a key of the layer replaces that entry's value in place (the layer's spelling of the key
/// kept), and an own var the layer lacks goes after every layer entry whose key text sorts at or before
/// its own, which is where the stable sort of the merged mapping puts it.
package struct RenderedVariableLayer {
    private let layer: DataMapping
    /// The key texts in output order.
    private let sortedKeys: [String]
    /// For each entry of `layer` in insertion order, its output position.
    private let outputPosition: [Int]
    /// Every entry in output order, each as separator, indentation, `"key": value`.
    private let body: [UInt8]
    /// Where each entry starts in `body`, and the end of the last one.
    private let starts: [Int]
    /// How many leading bytes of an entry's separator the first element of a mapping leaves out (`,`).
    private let firstSkip: Int
    /// The nesting depth of the host's mapping in the document.
    private let depth: Int

    /// Renders `layer` for host mappings nested `depth` levels deep.
    package init(_ layer: DataMapping, depth: Int) {
        let texts = layer.keys.map(PythonJSONWriter.keyText)
        let order = texts.indices.sorted { Self.precedes(texts[$0], $0, texts[$1], $1) }
        var positions = [Int](repeating: 0, count: order.count)
        for (position, inserted) in order.enumerated() { positions[inserted] = position }
        var output = PythonJSONOutput(format: .ansibleInventory)
        var starts: [Int] = []
        starts.reserveCapacity(order.count + 1)
        for inserted in order {
            starts.append(output.bytes.count)
            output.beginElement(1, depth: depth)
            output.appendKey(texts[inserted])
            output.write(layer.values[inserted], depth: depth + 1)
        }
        starts.append(output.bytes.count)
        var later = PythonJSONOutput(format: .ansibleInventory)
        later.beginElement(1, depth: depth)
        var first = PythonJSONOutput(format: .ansibleInventory)
        first.beginElement(0, depth: depth)

        self.layer = layer
        self.sortedKeys = order.map { texts[$0] }
        self.outputPosition = positions
        self.body = output.bytes
        self.starts = starts
        self.firstSkip = later.bytes.count - first.bytes.count
        self.depth = depth
    }

    /// Whether the host's mapping has any entry at all (`ansible-inventory` leaves out hosts without vars).
    func isEmpty(withOwn own: DataMapping) -> Bool {
        layer.isEmpty && own.isEmpty
    }

    /// How many bytes the layer's entries take, for estimating a document's size.
    var renderedSize: Int { body.count }

    /// Writes the mapping of `own` over this layer.
    package func write(own: DataMapping, into output: inout PythonJSONOutput) {
        var replacements: [(position: Int, value: DataValue)] = []
        var additions: [(key: String, order: Int, value: DataValue)] = []
        for (order, key) in own.keys.enumerated() {
            let value = own.values[order]
            if let inserted = layer.position(of: key) {
                replacements.append((outputPosition[inserted], value))
            } else {
                additions.append((PythonJSONWriter.keyText(key), order, value))
            }
        }
        replacements.sort { $0.position < $1.position }
        additions.sort { Self.precedes($0.key, $0.order, $1.key, $1.order) }

        output.appendASCII("{")
        guard !sortedKeys.isEmpty || !additions.isEmpty else {
            output.appendASCII("}")
            return
        }
        var cursor = Cursor()
        for addition in additions {
            let insertion = insertionPoint(of: addition.key)
            copyLayer(upTo: insertion, replacements: replacements, cursor: &cursor, into: &output)
            writeEntry(addition.key, addition.value, cursor: &cursor, into: &output)
        }
        copyLayer(upTo: sortedKeys.count, replacements: replacements, cursor: &cursor, into: &output)
        output.endContainer(UInt8(ascii: "}"), depth: depth)
    }

    /// How far the merged output has got: the next layer entry, the next replacement, entries written.
    private struct Cursor {
        var layerPosition = 0
        var replacement = 0
        var written = 0
    }

    /// Writes layer entries up to (not including) output position `end`, replaced values rendered anew.
    private func copyLayer(
        upTo end: Int, replacements: [(position: Int, value: DataValue)], cursor: inout Cursor,
        into output: inout PythonJSONOutput
    ) {
        while cursor.layerPosition < end {
            let runEnd: Int
            if cursor.replacement < replacements.count, replacements[cursor.replacement].position < end {
                runEnd = replacements[cursor.replacement].position
            } else {
                runEnd = end
            }
            if cursor.layerPosition < runEnd {
                let skip = cursor.written == 0 ? firstSkip : 0
                output.appendRendered(body[(starts[cursor.layerPosition] + skip)..<starts[runEnd]])
                cursor.written += runEnd - cursor.layerPosition
                cursor.layerPosition = runEnd
            }
            if runEnd < end {
                let replaced = replacements[cursor.replacement]
                writeEntry(sortedKeys[replaced.position], replaced.value, cursor: &cursor, into: &output)
                cursor.replacement += 1
                cursor.layerPosition += 1
            }
        }
    }

    private func writeEntry(
        _ key: String, _ value: DataValue, cursor: inout Cursor, into output: inout PythonJSONOutput
    ) {
        output.beginElement(cursor.written, depth: depth)
        output.appendKey(key)
        output.write(value, depth: depth + 1)
        cursor.written += 1
    }

    /// The output position an own var with key text `key` goes before: after every layer key that sorts
    /// at or before it.
    private func insertionPoint(of key: String) -> Int {
        var low = 0
        var high = sortedKeys.count
        while low < high {
            let middle = (low + high) / 2
            if String.pythonOrder(key, sortedKeys[middle]) {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }

    /// The stable order of key texts: by code point, equal texts in their original order.
    private static func precedes(_ lhs: String, _ lhsOrder: Int, _ rhs: String, _ rhsOrder: Int) -> Bool {
        if String.pythonOrder(lhs, rhs) { return true }
        if String.pythonOrder(rhs, lhs) { return false }
        return lhsOrder < rhsOrder
    }
}
