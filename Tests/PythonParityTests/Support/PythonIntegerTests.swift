import K8sUpTestSupport
import Testing

@testable import K8sUpSupport
@testable import PythonParity

/// `PythonInteger` against CPython 3.11's `int()`, `float()` and integer printing.
@Suite struct PythonIntegerTests {
    typealias Parsed = Result<Int, PythonInteger.ParseFailure>

    @Test(
        arguments: [
            ("5", .success(5)), (" 5 ", .success(5)), ("+5", .success(5)), ("-0", .success(0)), ("1_0", .success(10)),
            ("\u{661}\u{662}", .success(12)), ("\u{A0}7\u{3000}", .success(7)), ("", .failure(.invalid)),
            ("_1", .failure(.invalid)), ("1_", .failure(.invalid)),
            ("1__0", .failure(.invalid)), ("0x10", .failure(.invalid)), ("1.0", .failure(.invalid)),
            ("- 1", .failure(.invalid)), ("a", .failure(.invalid)),
            ("99999999999999999999", .failure(.tooLarge)), ("-9223372036854775808", .success(Int.min)),
            ("9223372036854775808", .failure(.tooLarge)),
        ] as [(String, Parsed)])
    func parsesIntegersLikePythonsInt(text: String, expected: Parsed) {
        #expect(Self.parseInt(text) == expected)
    }

    /// `int()` strips `\t\n\v\f\r`, space and non-ASCII whitespace, but not U+001C to U+001F (which
    /// `str.strip()` removes), and knows only Python 3.11's (Unicode 14) decimal digits.
    @Test(
        arguments: [
            ("\u{1C}5", .failure(.invalid)), ("5\u{1F}", .failure(.invalid)), ("\u{85}5", .success(5)),
            ("\u{0B}5\u{0C}", .success(5)), ("\u{2028}5", .success(5)), ("\u{1E4F1}", .failure(.invalid)),
            ("\u{11F51}", .failure(.invalid)),
        ] as [(String, Parsed)])
    func skipsOnlyTheWhitespaceAndDigitsPython311Knows(text: String, expected: Parsed) {
        #expect(Self.parseInt(text) == expected)
    }

    @Test(
        arguments: [
            ("0x_ff", 16, 255), ("0X1F", 16, 31), ("0b_1", 2, 1), ("0_7", 8, 7), (" -0o17 ", 8, -15), ("z", 36, 35),
            ("0b1", 16, 177),
        ] as [(String, Int, Int)])
    func parsesPrefixesAndUnderscoresLikePythonsIntWithABase(text: String, radix: Int, expected: Int) throws {
        #expect(try PythonInteger.parse(text.unicodeScalars, radix: radix).intValue == expected)
    }

    @Test(arguments: [("0x", 16), ("0o17", 10), ("0x_", 16), ("0b2", 2)] as [(String, Int)])
    func refusesWhatPythonsIntWithABaseRefuses(text: String, radix: Int) {
        #expect(throws: PythonInteger.ParseFailure.invalid) {
            try PythonInteger.parse(text.unicodeScalars, radix: radix)
        }
    }

    /// `int('0' * 4301)` raises, but the literal `000…0` is 0 and hexadecimal is never limited on input.
    @Test func appliesPythonsDigitLimit() throws {
        #expect(throws: PythonInteger.ParseFailure.tooLarge) {
            try PythonInteger.parse(String(repeating: "0", count: 4301).unicodeScalars, radix: 10)
        }
        #expect(PythonInteger(digits: [UInt8](repeating: 0, count: 5000), radix: 10)?.decimalText == "0")
        #expect(PythonInteger(digits: [1] + [UInt8](repeating: 0, count: 4300), radix: 10) == nil)
        #expect(PythonInteger(digits: [UInt8](repeating: 0, count: 20000) + [1], radix: 16)?.intValue == 1)
        #expect(PythonInteger(digits: [UInt8](repeating: 15, count: 3600), radix: 16) == nil)
    }

    @Test func convertsToAndFromFloatLikePython() throws {
        #expect(PythonInteger(exactly: 1e300).decimalText == Self.int1e300)
        #expect(PythonInteger(exactly: -0x1p64).decimalText == "-18446744073709551616")
        #expect(PythonInteger(exactly: 3.0) == PythonInteger(3))
        #expect(try PythonInteger.parse("9007199254740993".unicodeScalars, radix: 10).doubleValue == 0x1p53)
        #expect(
            try PythonInteger.parse(("1" + String(repeating: "0", count: 400)).unicodeScalars, radix: 10)
                .doubleValue == nil)
    }

    private static func parseInt(_ text: String) -> Parsed {
        Result { () throws(PythonInteger.ParseFailure) in try PythonInteger.parseInt(text.unicodeScalars) }
    }

    /// `int(1e300)` as CPython 3.11 prints it.
    static let int1e300 =
        "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864"
        + "0437044438328838781769425232353604305756447921847867069828483872009265758037378302337947880900593689"
        + "5323497079994508111903896764088007465274278014249457925878882005684283811566947219638686545940054016"
        + "0"
}
