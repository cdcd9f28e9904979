import PythonParity

/// PyYAML's `SafeConstructor` scalar constructors (`construct_yaml_bool/int/float/timestamp/binary`),
/// applied to a scalar's text once its tag is known (implicitly or from an explicit `!!int` etc.).
///
/// Explicit tags can put any text through these, so they keep Python's leniency (`!!int ' 12 '` is 12,
/// `!!float 1e3` is 1000.0, `!!bool YES` is true) and fail where Python raises.
enum YAMLScalarConstructor {
    /// Why a scalar cannot be constructed as its tag demands.
    struct Problem: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    private static let boolValues: [String: Bool] = [
        "yes": true, "no": false, "true": true, "false": false, "on": true, "off": false,
    ]

    static func bool(_ text: String) throws(Problem) -> DataValue {
        guard let value = boolValues[text.lowercased()] else {
            throw Problem("'\(YAMLToken.excerpt(text))' is not a boolean (expected yes/no, true/false or on/off)")
        }
        return .bool(value)
    }

    static func integer(_ text: String) throws(Problem) -> DataValue {
        if let small = plainDecimalInteger(text) { return .int(small) }
        let tooLarge = Problem(
            "the integer '\(YAMLToken.excerpt(text))' has more than "
                + "\(PythonInteger.maximumDigits) digits")
        do {
            guard let value = try pythonYAMLInteger(text).dataValue else { throw tooLarge }
            return value
        } catch PythonInteger.ParseFailure.tooLarge {
            throw tooLarge
        } catch {
            throw Problem(
                text.isEmpty
                    ? "an empty value cannot be an integer"
                    : "'\(YAMLToken.excerpt(text))' is not a valid integer")
        }
    }

    /// The common case, `[-+]?[1-9][0-9]*` that fits in `Int`, without the general Python parsing.
    private static func plainDecimalInteger(_ text: String) -> Int? {
        let utf8 = text.utf8
        guard utf8.count <= 18, let first = utf8.first else { return nil }
        let digits = first == UInt8(ascii: "-") || first == UInt8(ascii: "+") ? utf8.dropFirst() : utf8[...]
        guard let lead = digits.first, lead != UInt8(ascii: "0"),
            digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return Int(text)
    }

    /// PyYAML's `construct_yaml_int` on the text: underscores dropped, one sign, then `0b`, `0x`, a leading
    /// `0` (octal), `:` (sexagesimal) or decimal, each part read with Python's `int()`.
    private static func pythonYAMLInteger(_ text: String) throws(PythonInteger.ParseFailure) -> PythonInteger {
        var value = Substring(text.replacing("_", with: ""))
        guard let first = value.first else { throw .invalid }
        let negative = first == "-"
        if first == "-" || first == "+" { value = value.dropFirst() }
        let result: PythonInteger
        if value == "0" {
            result = PythonInteger(0)
        } else if value.hasPrefix("0b") {
            result = try PythonInteger.parse(value.dropFirst(2).unicodeScalars, radix: 2)
        } else if value.hasPrefix("0x") {
            result = try PythonInteger.parse(value.dropFirst(2).unicodeScalars, radix: 16)
        } else if value.first == "0" {
            result = try PythonInteger.parse(value.unicodeScalars, radix: 8)
        } else if value.contains(":") {
            var total = PythonInteger(0)
            for part in value.split(separator: ":", omittingEmptySubsequences: false) {
                let digit = try PythonInteger.parse(part.unicodeScalars, radix: 10)
                guard let next = total.multiplied(by: 60, adding: digit) else { throw .tooLarge }
                total = next
            }
            result = total
        } else {
            result = try PythonInteger.parse(value.unicodeScalars, radix: 10)
        }
        return negative ? result.negated() : result
    }

    static func float(_ text: String) throws(Problem) -> DataValue {
        if let simple = plainDecimalFloat(text) { return .float(simple) }
        let problem = Problem("'\(YAMLToken.excerpt(text))' is not a valid float")
        var value = Substring(text.replacing("_", with: "").lowercased())
        guard let first = value.first else { throw Problem("an empty value cannot be a float") }
        let sign: Double = first == "-" ? -1 : 1
        if first == "-" || first == "+" { value = value.dropFirst() }
        if value == ".inf" { return .float(sign * .infinity) }
        if value == ".nan" { return .float(.nan) }
        if value.contains(":") {
            var total = 0.0
            var base = 1.0
            for part in value.split(separator: ":", omittingEmptySubsequences: false).reversed() {
                guard let digit = pythonFloat(part) else { throw problem }
                total += digit * base
                base *= 60
            }
            return .float(sign * total)
        }
        guard let number = pythonFloat(value) else { throw problem }
        return .float(sign * number)
    }

    /// The common case, `[-+]?[0-9]+\.[0-9]+`, without the general Python parsing.
    private static func plainDecimalFloat(_ text: String) -> Double? {
        var dots = 0
        for (offset, byte) in text.utf8.enumerated() {
            if byte == UInt8(ascii: ".") {
                dots += 1
            } else if !(byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                && !(offset == 0 && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")))
            {
                return nil
            }
        }
        return dots == 1 ? Double(text) : nil
    }

    /// Python's `float(text)`: whitespace, a sign, `inf`/`infinity`/`nan`, or a decimal literal.
    static func pythonFloat(_ text: Substring) -> Double? {
        guard var body = PythonCharacters.numberASCII(text.unicodeScalars) else { return nil }
        var sign = 1.0
        if let first = body.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            sign = first == UInt8(ascii: "-") ? -1 : 1
            body.removeFirst()
        }
        let number = String(decoding: body, as: UTF8.self)
        switch number.lowercased() {
        case "inf", "infinity": return sign * .infinity
        case "nan": return .nan
        default: break
        }
        guard isDecimalLiteral(body), let value = Double(number) else { return nil }
        return sign * value
    }

    /// `digits? ('.' digits?)? ([eE] [+-]? digits)?` with at least one mantissa digit.
    private static func isDecimalLiteral(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        var mantissaDigits = 0
        func skipDigits() -> Int {
            var count = 0
            while index < bytes.endIndex, YAMLImplicitResolver.isDigit(bytes[index]) {
                index = bytes.index(after: index)
                count += 1
            }
            return count
        }
        mantissaDigits += skipDigits()
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
            index = bytes.index(after: index)
            mantissaDigits += skipDigits()
        }
        guard mantissaDigits > 0 else { return false }
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index = bytes.index(after: index)
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index = bytes.index(after: index)
            }
            guard skipDigits() > 0 else { return false }
        }
        return index == bytes.endIndex
    }

    /// A `date` or `datetime` as the ISO text `ansible-inventory` prints for it.
    static func timestamp(_ text: String) throws(Problem) -> DataValue {
        var text = text
        let parsed: YAMLTimestamp? = text.withUTF8 { bytes in
            if let timestamp = YAMLTimestamp.parse(bytes) { return timestamp }
            // Python's `$` also matches before a final newline.
            guard bytes.last == UInt8(ascii: "\n") else { return nil }
            return YAMLTimestamp.parse(UnsafeBufferPointer(rebasing: bytes.dropLast()))
        }
        guard let parsed else { throw Problem("'\(YAMLToken.excerpt(text))' is not a valid timestamp") }
        switch parsed.isoFormat() {
        case .success(let iso): return .string(iso)
        case .failure(let failure): throw Problem("invalid timestamp '\(YAMLToken.excerpt(text))': \(failure.message)")
        }
    }

    /// `!!binary`: base64 decoded the way Python's `base64.decodebytes` does (characters outside the
    /// alphabet are ignored). Ansible cannot print bytes at all, so the bytes become text (as UTF-8).
    static func binary(_ text: String) throws(Problem) -> DataValue {
        guard text.unicodeScalars.allSatisfy(\.isASCII) else {
            throw Problem("!!binary data must be ASCII base64 text")
        }
        return .string(String(decoding: try Base64Decoding.decodeLikePython(Array(text.utf8)), as: UTF8.self))
    }
}
