/// Resolves the `NAME` of a `\N{NAME}` escape the way Python 3.11 (Unicode 14.0) does, using the character
/// names in Swift's Unicode tables restricted to what Python 3.11 knows.
///
/// Python also accepts every alias of `NameAliases.txt` (`\N{NBSP}`, `\N{LINE FEED}`, `\N{BOM}`…); Swift
/// only knows the correction aliases. A name that is neither a character name nor a known alias is
/// therefore `.unknown` rather than `.invalid`: Python may or may not accept it, and guessing would risk a
/// silently wrong value.
enum PythonUnicodeNames {
    enum Lookup: Equatable {
        case character(Unicode.Scalar)
        /// Python would raise "unknown Unicode character name".
        case invalid
        /// Possibly an alias Python accepts; k8sup cannot tell.
        case unknown
    }

    static func lookup(_ name: String) -> Lookup {
        let scalars = Array(name.unicodeScalars)
        let upper = scalars.map(asciiUppercased)
        let hangul = Array("HANGUL SYLLABLE ".unicodeScalars)
        let ideograph = Array("CJK UNIFIED IDEOGRAPH-".unicodeScalars)
        if upper.starts(with: hangul) {
            // Python matches the prefix case-insensitively but the syllable parts only in upper case.
            let candidate = text(hangul + scalars.dropFirst(hangul.count))
            guard let value = names[candidate] else { return .invalid }
            return character(value)
        }
        if upper.starts(with: ideograph) {
            return unifiedIdeograph(hexDigits: text(scalars.dropFirst(ideograph.count)))
        }
        guard name.unicodeScalars.allSatisfy(isNameCharacter) else { return .invalid }
        if let value = names[text(upper)] ?? correctionAliases[text(upper)] { return character(value) }
        return .unknown
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
    private static func unifiedIdeograph(hexDigits: String) -> Lookup {
        let isUpperHex = hexDigits.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("A"..."F").contains($0) }
        guard (4...5).contains(hexDigits.unicodeScalars.count), isUpperHex, let value = UInt32(hexDigits, radix: 16),
            let scalar = Unicode.Scalar(value), PythonCharacters.isKnownToPython(scalar),
            scalar.properties.name?.hasPrefix("CJK UNIFIED IDEOGRAPH-") == true
        else { return .invalid }
        return .character(scalar)
    }

    private static func character(_ value: UInt32) -> Lookup {
        Unicode.Scalar(value).map { .character($0) } ?? .invalid
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

    /// Every name Python 3.11 looks up by table, built once on first use.
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
        // Hangul syllables are named algorithmically; Python accepts them through the same lookup.
        for value in UInt32(0xAC00)...0xD7A3 {
            if let name = Unicode.Scalar(value)?.properties.name { table[name] = value }
        }
        return table
    }()

    /// The correction aliases (`LATIN CAPITAL LETTER GHA`), the only aliases Swift knows.
    private static let correctionAliases: [String: UInt32] = {
        var table: [String: UInt32] = [:]
        for (_, value) in names {
            if let alias = Unicode.Scalar(value)?.properties.nameAlias { table[alias] = value }
        }
        return table
    }()
}
