import PythonParity

/// The lines of an INI inventory as Ansible sees them: the file decoded as UTF-8 and split with Python's
/// `str.splitlines()` (LF, CR, CRLF, VT, FF, FS, GS, RS, NEL, LS and PS all end a line), so that line
/// numbers in messages match what an editor showing those breaks would show.
///
/// Bytes that are not UTF-8 are remembered per line: Ansible decodes them to lone surrogates, which only
/// disappear harmlessly in comment lines; the reader rejects them anywhere else.
struct INISourceLines {
    /// One line, without its line break.
    struct Line {
        /// 1-based.
        var number: Int
        var scalars: [Unicode.Scalar]
        /// 0-based offset (in scalars) of the first byte sequence that is not UTF-8, if any.
        var firstInvalidOffset: Int?
    }

    private(set) var lines: [Line] = []

    init(_ text: String) {
        split(text.unicodeScalars.lazy.map { Decoded.scalar($0) })
    }

    init(_ bytes: [UInt8]) {
        var decoded: [Decoded] = []
        decoded.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): decoded.append(.scalar(scalar))
            case .error: decoded.append(.invalid)
            case .emptyInput: break decoding
            }
        }
        split(decoded)
    }

    /// A decoded character, or a byte sequence that is not UTF-8.
    private enum Decoded {
        case scalar(Unicode.Scalar)
        case invalid
    }

    private mutating func split<Source: Sequence<Decoded>>(_ source: Source) {
        var current: [Unicode.Scalar] = []
        var invalidOffset: Int?
        var afterCarriageReturn = false
        var hasContent = false
        func finishLine() {
            lines.append(Line(number: lines.count + 1, scalars: current, firstInvalidOffset: invalidOffset))
            current = []
            invalidOffset = nil
        }
        for item in source {
            switch item {
            case .invalid:
                afterCarriageReturn = false
                hasContent = true
                if invalidOffset == nil { invalidOffset = current.count }
                current.append("\u{FFFD}")
            case .scalar(let scalar):
                if scalar == "\n" && afterCarriageReturn {
                    afterCarriageReturn = false
                    continue  // the LF of a CRLF pair
                }
                afterCarriageReturn = scalar == "\r"
                if PythonCharacters.isLineBreak(scalar) {
                    finishLine()
                    hasContent = false
                } else {
                    current.append(scalar)
                    hasContent = true
                }
            }
        }
        // A final line without a line break still counts; a trailing break does not start a new line.
        if hasContent { finishLine() }
    }
}
