import K8sUpTestSupport
import Testing

@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Implicit typing of plain scalars: PyYAML's YAML 1.1 resolver as Ansible uses it.
@Suite struct YAMLScalarTypingTests {
    private func scalar(_ text: String) throws -> DataValue {
        try #require(try YAMLTestSupport.value("v", in: "v: \(text)\n"))
    }

    @Test(arguments: ["yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"])
    func trueWords(text: String) throws {
        #expect(try scalar(text) == .bool(true))
    }

    @Test(arguments: ["no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"])
    func falseWords(text: String) throws {
        #expect(try scalar(text) == .bool(false))
    }

    @Test(arguments: ["y", "Y", "n", "N", "yEs", "tRUE", "oN", "nO", "yes!", "on off"])
    func otherWordsStayStrings(text: String) throws {
        #expect(try scalar(text) == .string(text))
    }

    @Test(arguments: ["~", "null", "Null", "NULL", ""])
    func nullForms(text: String) throws {
        #expect(try scalar(text) == .null)
    }

    @Test(arguments: ["nULL", "none", "None", "nil"])
    func nullLookalikesAreStrings(text: String) throws {
        #expect(try scalar(text) == .string(text))
    }

    @Test(arguments: [
        ("0", 0), ("-0", 0), ("+12", 12), ("1_000_000", 1_000_000), ("0b1010", 10), ("-0b1_0", -2),
        ("0x1F", 31), ("0xDEAD_beef", 0xDEAD_BEEF), ("017", 15), ("-017", -15), ("00", 0), ("0_", 0),
        ("1:30", 90), ("190:20:30", 685_230), ("-1:00", -60), ("1:5", 65), ("9223372036854775807", Int.max),
        ("-9223372036854775808", Int.min), ("1_", 1), ("1__:2", 62),
    ])
    func integers(text: String, expected: Int) throws {
        #expect(try scalar(text) == .int(expected))
    }

    @Test(arguments: [
        ("9223372036854775808", "9223372036854775808"), ("-99999999999999999999", "-99999999999999999999"),
        ("0xFFFFFFFFFFFFFFFFFFFF", "1208925819614629174706175"),
        ("1_000_000_000_000_000_000_000", "1000000000000000000000"),
        ("99999999999999999999:00", "5999999999999999999940"),
    ])
    func integersBeyondIntKeepAllDigits(text: String, digits: String) throws {
        #expect(try scalar(text) == .bigInt(digits))
    }

    @Test(arguments: ["0o17", "08", "09:30", "1:60", "0b12", "0xG", "+", "0x", "0b", "+-1"])
    func integerLookalikesAreStrings(text: String) throws {
        #expect(try scalar(text) == .string(text))
    }

    @Test(arguments: [
        ("1.5", 1.5), ("1.", 1.0), (".5", 0.5), ("-1.5", -1.5), ("+1.5", 1.5), ("1.0e+3", 1000.0), ("1.0E-2", 0.01),
        ("6.8523015e+5", 685_230.15), ("685.230_15e+03", 685_230.15), ("685_230.15", 685_230.15),
        ("190:20:30.15", 685_230.15), ("1_0.0_1", 10.01), ("1._", 1.0), ("0.1", 0.1), ("1.0e+400", .infinity),
        (".inf", .infinity), (".Inf", .infinity), ("+.INF", .infinity), ("-.inf", -.infinity),
    ])
    func floats(text: String, expected: Double) throws {
        #expect(try scalar(text) == .float(expected))
    }

    @Test func negativeZeroKeepsItsSign() throws {
        let value = try scalar("-0.0")
        guard case .float(let number) = value else {
            Issue.record("expected a float, got \(value)")
            return
        }
        #expect(number == 0 && number.sign == .minus)
    }

    @Test(arguments: [".nan", ".NaN", ".NAN"])
    func notANumber(text: String) throws {
        guard case .float(let number) = try scalar(text) else {
            Issue.record("\(text) is not a float")
            return
        }
        #expect(number.isNaN)
    }

    @Test(arguments: [
        "1e3", "1e+3", "1.0e3", "-.5", "-.nan", "+.nan", ".Nan", ".iNf", "inf", "nan", "1.5.2", "1,5", ".", "._5",
    ])
    func floatLookalikesAreStrings(text: String) throws {
        #expect(try scalar(text) == .string(text))
    }

    @Test(arguments: [
        ("2001-12-14", "2001-12-14"),
        ("2001-12-15T02:59:43.1Z", "2001-12-15T02:59:43.100000+00:00"),
        ("2001-12-14t21:59:43.10-05:00", "2001-12-14T21:59:43.100000-05:00"),
        ("2001-12-14 21:59:43.10 -5", "2001-12-14T21:59:43.100000-05:00"),
        ("2001-12-15 2:59:43.10", "2001-12-15T02:59:43.100000"),
        ("2002-12-14 00:00:00", "2002-12-14T00:00:00"),
        ("2001-12-14 21:59:43.1234567891", "2001-12-14T21:59:43.123456"),
        ("2001-1-1 1:02:03", "2001-01-01T01:02:03"),
        ("2001-12-14 21:59:43 +05:30", "2001-12-14T21:59:43+05:30"),
        ("2001-12-14 21:59:43 +5:75", "2001-12-14T21:59:43+06:15"),
        ("2001-12-14 21:59:43.000000", "2001-12-14T21:59:43"),
        ("2004-02-29", "2004-02-29"),
    ])
    func timestampsBecomeTheTextAnsiblePrints(text: String, iso: String) throws {
        #expect(try scalar(text) == .string(iso))
    }

    @Test(arguments: ["2001-1-1", "2001-12-14T", "2001-12-14 21:59", "20011-12-14", "2001-12-14 21:59:43 +053"])
    func timestampLookalikesAreStrings(text: String) throws {
        #expect(try scalar(text) == .string(text))
    }

    @Test(arguments: [
        ("2001-02-30", "day is out of range for month"), ("2001-13-01", "month must be in 1..12"),
        ("2100-02-29", "day is out of range for month"), ("0000-01-01", "year 0 is out of range"),
        ("2001-01-01 24:00:00", "hour must be in 0..23"), ("2001-01-01 10:00:00 +24", "UTC offset"),
    ])
    func impossibleTimestampsAreErrors(text: String, problem: String) throws {
        let error = try #require(YAMLTestSupport.error("v: \(text)\n"))
        #expect(error.message.contains(problem))
        #expect(error.location == SourceLocation(file: "t.yml", line: 1, column: 4))
    }

    @Test(arguments: ["http://example.com:8080/x?q=1#frag", "a#b", "a:b", "-x", "?x", "e@mail", "a, b", "/etc/hosts"])
    func plainTextStaysAString(text: String) throws {
        #expect(try scalar(text) == .string(text))
    }

    @Test(arguments: ["\"1\"", "'2.5'", "\"true\"", "'null'", "\"0x1F\"", "'~'", "\"2001-12-14\"", "''"])
    func quotedScalarsAreAlwaysStrings(text: String) throws {
        let inner = String(text.dropFirst().dropLast())
        #expect(try scalar(text) == .string(inner))
    }

    @Test func blockScalarsAreAlwaysStrings() throws {
        #expect(try scalar("|\n  12\n") == .string("12\n"))
        #expect(try scalar(">-\n  yes\n") == .string("yes"))
    }

    @Test func equalsSignAloneIsAnErrorButAKeyIsAString() throws {
        let error = try #require(YAMLTestSupport.error("v: =\n"))
        #expect(error.message.contains("tag:yaml.org,2002:value"))
        #expect(try YAMLTestSupport.load("=: 1\n") == ["=": 1])
    }

    @Test func mergeKeyAsAValueIsAnError() throws {
        let error = try #require(YAMLTestSupport.error("v: <<\n"))
        #expect(error.message.contains("tag:yaml.org,2002:merge"))
    }

    @Test func integerWithMoreThanPythonsDigitLimitIsAnError() throws {
        let digits = String(repeating: "7", count: 4301)
        let error = try #require(YAMLTestSupport.error("v: \(digits)\n"))
        #expect(error.message.contains("4300"))
        #expect(try scalar(String(repeating: "7", count: 4300)) == .bigInt(String(repeating: "7", count: 4300)))
    }
}
