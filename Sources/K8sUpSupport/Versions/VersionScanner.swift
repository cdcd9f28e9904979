/// A cursor over the ASCII text of a version string, shared by `KubeVersion` and `KubeMinor` so both read
/// numbers, the `v` and the `Kubernetes ` prefix the same way.
struct VersionScanner {
    private let bytes: [UInt8]
    private var position = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var isAtEnd: Bool { position == bytes.count }

    /// The unread rest of the text.
    var rest: String { String(decoding: bytes[position...], as: UTF8.self) }

    /// Skips `word` (ASCII, any case) if the text continues with it.
    mutating func skip(caseInsensitive word: String) -> Bool {
        let wanted = Array(word.lowercased().utf8)
        guard bytes.count - position >= wanted.count,
            zip(bytes[position...], wanted).allSatisfy({ Self.lowercased($0) == $1 })
        else { return false }
        position += wanted.count
        return true
    }

    /// Skips spaces and tabs; returns how many.
    mutating func skipBlanks() -> Int {
        let start = position
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
            position += 1
        }
        return position - start
    }

    /// Skips `byte` if it is next.
    mutating func skip(_ byte: Unicode.Scalar) -> Bool {
        guard position < bytes.count, bytes[position] == UInt8(ascii: byte) else { return false }
        position += 1
        return true
    }

    /// A decimal number without leading zeros (`0`, `30`, not `030`) that fits in an `Int`.
    mutating func number() -> Int? {
        let start = position
        while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
        let digits = bytes[start..<position]
        guard let first = digits.first, first != UInt8(ascii: "0") || digits.count == 1 else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lowercased(byte))
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
