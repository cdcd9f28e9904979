/// Base64 decoding with the lenient rules of Python's `binascii.a2b_base64` (non-strict mode), which
/// PyYAML uses for `!!binary`: characters outside the alphabet are skipped, padding ends the data.
enum Base64Decoding {
    static func decodeLikePython(_ input: [UInt8]) throws(YAMLScalarConstructor.Problem) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 3 / 4)
        var quadPosition = 0
        var leftover: UInt32 = 0
        var pads = 0
        for character in input {
            if character == UInt8(ascii: "=") {
                // As in CPython, pads only count once two data characters of the quad are in.
                if quadPosition >= 2 {
                    pads += 1
                    if quadPosition + pads >= 4 { return output }
                }
                continue
            }
            guard let value = sextet(character) else { continue }
            pads = 0
            switch quadPosition {
            case 0:
                leftover = value
            case 1:
                output.append(UInt8(truncatingIfNeeded: leftover << 2 | value >> 4))
                leftover = value & 0x0F
            case 2:
                output.append(UInt8(truncatingIfNeeded: leftover << 4 | value >> 2))
                leftover = value & 0x03
            default:
                output.append(UInt8(truncatingIfNeeded: leftover << 6 | value))
                leftover = 0
            }
            quadPosition = (quadPosition + 1) % 4
        }
        if quadPosition == 1 {
            throw YAMLScalarConstructor.Problem(
                "failed to decode !!binary base64 data: the number of data characters cannot be 1 more than a "
                    + "multiple of 4")
        }
        if quadPosition != 0 {
            throw YAMLScalarConstructor.Problem("failed to decode !!binary base64 data: incorrect padding")
        }
        return output
    }

    private static func sextet(_ character: UInt8) -> UInt32? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return UInt32(character - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return UInt32(character - UInt8(ascii: "a") + 26)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(character - UInt8(ascii: "0") + 52)
        case UInt8(ascii: "+"): return 62
        case UInt8(ascii: "/"): return 63
        default: return nil
        }
    }
}
