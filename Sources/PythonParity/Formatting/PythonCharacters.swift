/// Python 3.11's character classes, so that text is split, stripped and matched exactly where Ansible
/// relies on `str.strip()`, `str.splitlines()`, `int()`/`float()`, `repr()` and the regex classes `\s` and `\w`.
///
/// Python 3.11 ships Unicode 14.0; Swift knows newer characters, so the classes that depend on the Unicode
/// database ignore characters assigned after 14.0 (they are not letters or digits to Python 3.11).
package enum PythonCharacters {
    /// `str.isspace()`, which is also what `str.strip()` removes and what `re`'s `\s` matches.
    package static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// A character at which `str.splitlines()` ends a line (`\r\n` counts as one break).
    package static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x1C...0x1E, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// `re`'s `\w` on `str` patterns: `str.isalnum()` or `_`.
    package static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
                || value == 0x5F
        }
        guard isKnownToPython(scalar) else { return false }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return properties.numericType != nil
        }
    }

    /// `str.isprintable()` for one character, which `repr()` leaves unescaped: not a control, format,
    /// surrogate, private-use, unassigned or separator character, except the ASCII space.
    package static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        guard isKnownToPython(scalar) else { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
            .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    /// The value of a decimal digit (Unicode category Nd) as `int()` reads it, e.g. `٣` → 3.
    package static func decimalDigitValue(_ scalar: Unicode.Scalar) -> Int? {
        if (0x30...0x39).contains(scalar.value) { return Int(scalar.value - 0x30) }
        guard !scalar.isASCII, isKnownToPython(scalar), scalar.properties.numericType == .decimal,
            let value = scalar.properties.numericValue
        else { return nil }
        return Int(value)
    }

    /// What `int()` and `float()` parse instead of `text`: CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`
    /// (ASCII as it is, other whitespace as a space, other decimal digits as ASCII digits) and then stripped of
    /// `\t\n\v\f\r` and spaces; unlike `str.strip()`, U+001C to U+001F stay. Nil at any other non-ASCII
    /// character, which makes the number invalid whatever surrounds it.
    package static func numberASCII(_ text: some Sequence<Unicode.Scalar>) -> ArraySlice<UInt8>? {
        var bytes: [UInt8] = []
        for scalar in text {
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else if isSpace(scalar) {
                bytes.append(UInt8(ascii: " "))
            } else if let digit = decimalDigitValue(scalar) {
                bytes.append(UInt8(ascii: "0") + UInt8(digit))
            } else {
                return nil
            }
        }
        func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var stripped = bytes[...]
        while let first = stripped.first, isASCIISpace(first) { stripped.removeFirst() }
        while let last = stripped.last, isASCIISpace(last) { stripped.removeLast() }
        return stripped
    }

    /// Whether Python 3.11's Unicode 14.0 database has the character at all.
    package static func isKnownToPython(_ scalar: Unicode.Scalar) -> Bool {
        guard let age = scalar.properties.age else { return false }
        return age.major < 14 || (age.major == 14 && age.minor == 0)
    }

    /// The bounds of `text` without the leading and trailing characters `str.strip()` removes.
    package static func strippedRange(of text: ArraySlice<Unicode.Scalar>) -> Range<Int> {
        var lower = text.startIndex
        var upper = text.endIndex
        while lower < upper, isSpace(text[lower]) { lower += 1 }
        while upper > lower, isSpace(text[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// `str.strip()` on scalars.
    package static func strip(_ text: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        text[strippedRange(of: text)]
    }

    /// `text.strip()`.
    package static func strip(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
