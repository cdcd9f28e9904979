/// Resolves the `NAME` of a `\N{NAME}` escape the way Python 3.11 (Unicode 14.0) does: character names and
/// the name aliases of `PythonUnicodeNameAliases`, case-insensitively, from Swift's Unicode tables
/// restricted to what Python 3.11 knows; and the algorithmic `HANGUL SYLLABLE …` and
/// `CJK UNIFIED IDEOGRAPH-XXXX` names, which Python only accepts in upper case (hex digits included).
enum PythonUnicodeNames {
    /// The character, or nil where Python raises "unknown Unicode character name".
    static func lookup(_ name: String) -> Unicode.Scalar? {
        let scalars = Array(name.unicodeScalars)
        let ideograph = Array("CJK UNIFIED IDEOGRAPH-".unicodeScalars)
        if scalars.starts(with: "HANGUL SYLLABLE ".unicodeScalars) {
            return hangulSyllables[name].flatMap(Unicode.Scalar.init)
        }
        if scalars.starts(with: ideograph) {
            return unifiedIdeograph(hexDigits: text(scalars.dropFirst(ideograph.count)))
        }
        guard scalars.allSatisfy(isNameCharacter) else { return nil }
        let key = text(scalars.map(asciiUppercased))
        return (names[key] ?? PythonUnicodeNameAliases.table[key]).flatMap(Unicode.Scalar.init)
    }

    private static func asciiUppercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard ("a"..."z").contains(scalar), let upper = Unicode.Scalar(scalar.value - 0x20) else { return scalar }
        return upper
    }

    private static func text<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// `CJK UNIFIED IDEOGRAPH-XXXX`: four or five upper-case hex digits naming a unified ideograph.
    private static func unifiedIdeograph(hexDigits: String) -> Unicode.Scalar? {
        let isUpperHex = hexDigits.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("A"..."F").contains($0) }
        guard (4...5).contains(hexDigits.unicodeScalars.count), isUpperHex, let value = UInt32(hexDigits, radix: 16),
            let scalar = Unicode.Scalar(value), PythonCharacters.isKnownToPython(scalar),
            scalar.properties.name?.hasPrefix("CJK UNIFIED IDEOGRAPH-") == true
        else { return nil }
        return scalar
    }

    /// Python's names use upper-case letters, digits, space and hyphen; any other character cannot match.
    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == " " || scalar == "-"
    }

    /// Code-point ranges that hold no names Python looks up by table: surrogates and private use, the
    /// algorithmically named CJK ideographs and Hangul syllables, and Tangut ideographs (which Python 3.11
    /// does not name at all).
    private static let unnamedRanges: [ClosedRange<UInt32>] = [
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xD800...0xF8FF, 0x17000...0x187FF,
        0x20000...0x2F7FF, 0x2FA20...0xDFFFF, 0xE1000...0x10FFFF,
    ]

    /// Every other name Python 3.11 knows, built once on first use.
    private static let names: [String: UInt32] = {
        var table: [String: UInt32] = [:]
        var value: UInt32 = 0
        var rangeIndex = 0
        while value <= 0x10FFFF {
            if rangeIndex < unnamedRanges.count, value >= unnamedRanges[rangeIndex].lowerBound {
                value = unnamedRanges[rangeIndex].upperBound + 1
                rangeIndex += 1
                continue
            }
            if let scalar = Unicode.Scalar(value), PythonCharacters.isKnownToPython(scalar),
                let name = scalar.properties.name, !name.hasPrefix("TANGUT IDEOGRAPH-")
            {
                table[name] = value
            }
            value += 1
        }
        return table
    }()

    /// `HANGUL SYLLABLE GA` … `HANGUL SYLLABLE HIH`, named algorithmically.
    private static let hangulSyllables: [String: UInt32] = {
        var table: [String: UInt32] = [:]
        for value in UInt32(0xAC00)...0xD7A3 {
            if let name = Unicode.Scalar(value)?.properties.name { table[name] = value }
        }
        return table
    }()
}
