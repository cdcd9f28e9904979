/// Byte-level reading for the scanner: libyaml's `CHECK`/`IS_*`/`SKIP`/`READ` macros over UTF-8 bytes.
///
/// Offsets are in bytes (as in libyaml); marks count characters. Past the end, `byte` returns 0, which
/// plays the role of libyaml's NUL terminator (`YAMLInputCheck` rejects NUL characters in the input).
extension YAMLScanner {
    @inline(__always)
    package func byte(_ offset: Int = 0) -> UInt8 {
        let index = position + offset
        return index < input.count ? input[index] : 0
    }

    @inline(__always)
    package static func width(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    @inline(__always)
    func isZ(_ offset: Int = 0) -> Bool { position + offset >= input.count }

    @inline(__always)
    func isBlank(_ offset: Int = 0) -> Bool {
        let value = byte(offset)
        return value == UInt8(ascii: " ") || value == UInt8(ascii: "\t")
    }

    /// CR, LF, NEL (U+0085), LS (U+2028) and PS (U+2029) are line breaks in YAML 1.1.
    @inline(__always)
    func isBreak(_ offset: Int = 0) -> Bool {
        let value = byte(offset)
        if value == 0x0A || value == 0x0D { return true }
        if value == 0xC2 { return byte(offset + 1) == 0x85 }
        if value == 0xE2 {
            return byte(offset + 1) == 0x80 && (byte(offset + 2) == 0xA8 || byte(offset + 2) == 0xA9)
        }
        return false
    }

    @inline(__always)
    func isBreakZ(_ offset: Int = 0) -> Bool { isZ(offset) || isBreak(offset) }

    @inline(__always)
    func isBlankZ(_ offset: Int = 0) -> Bool { isBlank(offset) || isBreakZ(offset) }

    func isByteOrderMark() -> Bool { byte() == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF }

    /// `[0-9A-Za-z_-]`, libyaml's `IS_ALPHA`.
    func isAlpha(_ offset: Int = 0) -> Bool {
        let value = byte(offset)
        return (value >= UInt8(ascii: "0") && value <= UInt8(ascii: "9"))
            || (value >= UInt8(ascii: "A") && value <= UInt8(ascii: "Z"))
            || (value >= UInt8(ascii: "a") && value <= UInt8(ascii: "z"))
            || value == UInt8(ascii: "_") || value == UInt8(ascii: "-")
    }

    package func isDigit(_ offset: Int = 0) -> Bool {
        let value = byte(offset)
        return value >= UInt8(ascii: "0") && value <= UInt8(ascii: "9")
    }

    package func hexValue(_ offset: Int) -> UInt32? {
        let value = byte(offset)
        switch value {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(value - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(value - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(value - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Moves past one character (not a line break).
    @inline(__always)
    package mutating func skip() {
        position += Self.width(input[position])
        mark.index += 1
        mark.column += 1
    }

    /// Moves past one line break (CR LF counts as one).
    mutating func skipLine() {
        if byte() == 0x0D && byte(1) == 0x0A {
            position += 2
            mark.index += 2
        } else if isBreak() {
            position += Self.width(input[position])
            mark.index += 1
        } else {
            return
        }
        mark.column = 0
        mark.line += 1
    }

    /// Appends one character to `buffer` and moves past it.
    @inline(__always)
    package mutating func read(into buffer: inout [UInt8]) {
        let width = Self.width(input[position])
        buffer.append(contentsOf: input[position..<position + width])
        position += width
        mark.index += 1
        mark.column += 1
    }

    /// Appends one line break to `buffer`, normalised as libyaml does (CR LF, CR, NEL → LF; LS, PS kept).
    package mutating func readLine(into buffer: inout [UInt8]) {
        let first = byte()
        if first == 0x0D && byte(1) == 0x0A {
            buffer.append(0x0A)
            position += 2
            mark.index += 2
        } else if first == 0x0D || first == 0x0A {
            buffer.append(0x0A)
            position += 1
            mark.index += 1
        } else if first == 0xC2 {
            buffer.append(0x0A)
            position += 2
            mark.index += 1
        } else {
            buffer.append(contentsOf: input[position..<position + 3])
            position += 3
            mark.index += 1
        }
        mark.column = 0
        mark.line += 1
    }
}
