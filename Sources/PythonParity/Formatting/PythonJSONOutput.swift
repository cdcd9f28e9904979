/// A growing UTF-8 buffer that JSON is written into exactly as Python's `json.dumps` writes it.
///
/// Besides whole values it offers the pieces of a container (opening bracket, the separator and
/// indentation before each element, the key, the closing indentation), so that a writer can assemble
/// a document from parts it rendered once and copies many times (see `InventoryListRenderer`).
package struct PythonJSONOutput {
    package let format: PythonJSONFormat
    package private(set) var bytes: [UInt8] = []

    package init(format: PythonJSONFormat, reservingCapacity capacity: Int = 0) {
        self.format = format
        bytes.reserveCapacity(capacity)
    }

    /// Writes `value` as an element nested `depth` levels deep (the depth decides the indentation of
    /// the lines inside it).
    package mutating func write(_ value: DataValue, depth: Int) {
        switch value {
        case .null: appendASCII("null")
        case .bool(let flag): appendASCII(flag ? "true" : "false")
        case .int(let number): appendASCII(String(number))
        case .bigInt(let digits): appendASCII(digits)
        case .float(let number): appendASCII(PythonFloatFormat.json(number))
        case .string(let text): appendQuoted(text)
        case .list(let elements):
            bytes.append(UInt8(ascii: "["))
            guard !elements.isEmpty else {
                bytes.append(UInt8(ascii: "]"))
                return
            }
            for (position, element) in elements.enumerated() {
                beginElement(position, depth: depth)
                write(element, depth: depth + 1)
            }
            endContainer(UInt8(ascii: "]"), depth: depth)
        case .mapping(let mapping):
            bytes.append(UInt8(ascii: "{"))
            guard !mapping.isEmpty else {
                bytes.append(UInt8(ascii: "}"))
                return
            }
            let sorted = PythonJSONWriter.sortedEntries(mapping, stringifyKeysFirst: format.stringifyKeysFirst)
            for (position, entry) in sorted.enumerated() {
                beginElement(position, depth: depth)
                appendKey(entry.key)
                write(entry.value, depth: depth + 1)
            }
            endContainer(UInt8(ascii: "}"), depth: depth)
        }
    }

    /// What precedes element `position` of a non-empty container at `depth`: the comma after the
    /// previous element, then a new line indented one level deeper (or `", "` on one line).
    package mutating func beginElement(_ position: Int, depth: Int) {
        guard let indent = format.indent else {
            if position > 0 { bytes.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: " ")]) }
            return
        }
        if position > 0 { bytes.append(UInt8(ascii: ",")) }
        appendNewline(indentedBy: indent * (depth + 1))
    }

    /// Closes a non-empty container at `depth` on a line of its own (on the same line without indent).
    package mutating func endContainer(_ close: UInt8, depth: Int) {
        if let indent = format.indent { appendNewline(indentedBy: indent * depth) }
        bytes.append(close)
    }

    /// A mapping key and the `": "` after it.
    package mutating func appendKey(_ key: String) {
        appendQuoted(key)
        bytes.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
    }

    /// Hands what was written so far to `sink` and starts an empty buffer, once it holds at least
    /// `threshold` bytes. Call it only between whole values, so that every chunk is complete UTF-8.
    package mutating func flush(ifAtLeast threshold: Int, to sink: ([UInt8]) -> Void) {
        guard !bytes.isEmpty, bytes.count >= threshold else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Bytes written earlier by an output of the same format.
    package mutating func appendRendered(_ rendered: ArraySlice<UInt8>) {
        bytes.append(contentsOf: rendered)
    }

    package mutating func appendASCII(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 128)

    private mutating func appendNewline(indentedBy count: Int) {
        bytes.append(UInt8(ascii: "\n"))
        var remaining = count
        while remaining > 0 {
            let chunk = min(remaining, Self.spaces.count)
            bytes.append(contentsOf: Self.spaces[0..<chunk])
            remaining -= chunk
        }
    }

    /// `json.dumps` string quoting: `"` and `\` escaped, control characters as `\n`, `\t`, … or `\u00XX`;
    /// with `ensure_ascii` (`asciiOnly`) also DEL and everything beyond ASCII, as `\uXXXX` (surrogate
    /// pairs above U+FFFF). `/` is left alone. Runs that need no escape are copied whole.
    package mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        let asciiOnly = format.asciiOnly
        text.withUTF8 { utf8 in
            var runStart = 0
            var position = 0
            while position < utf8.count {
                let byte = utf8[position]
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
                    && (byte < 0x7F || !asciiOnly)
                {
                    position += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<position]))
                if byte < 0x80 {
                    appendEscape(forASCII: byte)
                    position += 1
                } else {
                    let (scalar, length) = Self.decodeScalar(utf8, at: position)
                    appendUnicodeEscape(scalar)
                    position += length
                }
                runStart = position
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<position]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(forASCII byte: UInt8) {
        let short: UInt8?
        switch byte {
        case UInt8(ascii: "\""): short = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): short = UInt8(ascii: "\\")
        case UInt8(ascii: "\n"): short = UInt8(ascii: "n")
        case UInt8(ascii: "\r"): short = UInt8(ascii: "r")
        case UInt8(ascii: "\t"): short = UInt8(ascii: "t")
        case 0x08: short = UInt8(ascii: "b")
        case 0x0C: short = UInt8(ascii: "f")
        default: short = nil
        }
        if let short {
            bytes.append(contentsOf: [UInt8(ascii: "\\"), short])
        } else {
            appendUnicodeEscape(UInt32(byte))
        }
    }

    /// The scalar starting at a lead byte of valid UTF-8 (a `String`'s bytes always are), and its length.
    private static func decodeScalar(_ utf8: UnsafeBufferPointer<UInt8>, at position: Int) -> (UInt32, Int) {
        let lead = UInt32(utf8[position])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var scalar = lead & (0xFF >> (length + 1))
        for offset in 1..<length {
            scalar = scalar << 6 | UInt32(utf8[position + offset] & 0x3F)
        }
        return (scalar, length)
    }

    private mutating func appendUnicodeEscape(_ value: UInt32) {
        if value > 0xFFFF {
            let offset = value - 0x10000
            appendUnicodeEscape(0xD800 + (offset >> 10))
            appendUnicodeEscape(0xDC00 + (offset & 0x3FF))
            return
        }
        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(Self.hexDigits[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}
