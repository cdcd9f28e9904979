/// Checks that bytes are UTF-8 in place, without making a string of them (a 1 GB kubectl List is read
/// without a second copy). The rules are the Unicode standard's: no overlong forms, no surrogates,
/// nothing above U+10FFFF.
package enum UTF8Validation {
    package static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var offset = 0
        while offset < count {
            // Eight ASCII bytes at a time: kubectl's output is nearly all ASCII.
            while offset + 8 <= count,
                UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                offset += 8
            }
            guard offset < count else { return true }
            let lead = base[offset]
            let length: Int
            var secondRange: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0x00...0x7F:
                offset += 1
                continue
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                secondRange = 0xA0...0xBF
            case 0xED:
                length = 3
                secondRange = 0x80...0x9F
            case 0xE1...0xEF: length = 3
            case 0xF0:
                length = 4
                secondRange = 0x90...0xBF
            case 0xF4:
                length = 4
                secondRange = 0x80...0x8F
            case 0xF1...0xF3: length = 4
            default: return false
            }
            guard offset + length <= count, secondRange.contains(base[offset + 1]) else { return false }
            for position in offset + 2..<offset + length where base[position] & 0xC0 != 0x80 { return false }
            offset += length
        }
        return true
    }
}
