import K8sUpTestSupport

@testable import K8sUpSupport
@testable import PythonParity

/// What Ansible's `_parse_value` makes of an INI value, generated with ansible-core 2.19's Python 3.11
/// (`ast.literal_eval` followed by Ansible's coercion of tuples, sets, complex, bytes and `...`).
enum PythonLiteralCase: Sendable {
    /// The literal's value after Ansible's coercion.
    case value(DataValue)
    /// `literal_eval` raised `ValueError` or `SyntaxError`: the text itself is the value.
    case text
    /// Ansible fails the whole inventory (or k8sup deliberately refuses, where marked).
    case failure
}

/// A mapping with keys of any scalar kind, for the expected values below.
func mapping(_ entries: (DataValue, DataValue)...) -> DataValue {
    var result = DataMapping()
    for (key, value) in entries { result[key] = value }
    return .mapping(result)
}

/// `depth` lists nested around `value`.
func nested(_ value: DataValue, depth: Int) -> DataValue {
    (0..<depth).reduce(value) { inner, _ in .list([inner]) }
}

/// Inputs and Python's results; regenerate by feeding the inputs to `ast.literal_eval` in ansible-core's venv.
let pythonLiteralCases: [(String, PythonLiteralCase)] = [
    ("42", .value(.int(42))),
    ("-7", .value(.int(-7))),
    ("+7", .value(.int(7))),
    ("--7", .text),
    ("0", .value(.int(0))),
    ("00", .value(.int(0))),
    ("0_0", .value(.int(0))),
    ("007", .text),
    ("1_000_000", .value(.int(1000000))),
    ("1__0", .text),
    ("1_", .text),
    ("0x_ff", .value(.int(255))),
    ("0XfF", .value(.int(255))),
    ("0o17", .value(.int(15))),
    ("0O7_7", .value(.int(63))),
    ("0b1010", .value(.int(10))),
    ("0b102", .text),
    ("9223372036854775807", .value(.int(9223372036854775807))),
    ("9223372036854775808", .value(.bigInt("9223372036854775808"))),
    ("-9223372036854775808", .value(.int(-9223372036854775808))),
    ("-9223372036854775809", .value(.bigInt("-9223372036854775809"))),
    ("123456789012345678901234567890", .value(.bigInt("123456789012345678901234567890"))),
    ("-0x8000000000000000", .value(.int(-9223372036854775808))),
    ("1.5", .value(.float(1.5))),
    ("-0.0", .value(.float(-0.0))),
    ("1.", .value(.float(1.0))),
    (".5", .value(.float(0.5))),
    ("1.e3", .value(.float(1000.0))),
    ("1e3", .value(.float(1000.0))),
    ("1E-5", .value(.float(1e-05))),
    ("1_0e1_0", .value(.float(100000000000.0))),
    ("007.5", .value(.float(7.5))),
    ("1e400", .value(.float(.infinity))),
    ("-1e400", .value(.float(-.infinity))),
    ("1e-400", .value(.float(0.0))),
    ("0.1", .value(.float(0.1))),
    ("1e16", .value(.float(1e+16))),
    ("1e", .text),
    ("1e+", .text),
    ("2j", .value(.string("2j"))),
    ("1J", .value(.string("1j"))),
    (".5j", .value(.string("0.5j"))),
    ("1.5e-5j", .value(.string("1.5e-05j"))),
    ("007j", .value(.string("7j"))),
    ("1+2j", .value(.string("(1+2j)"))),
    ("1-2j", .value(.string("(1-2j)"))),
    ("-1-2j", .value(.string("(-1-2j)"))),
    ("-1j", .value(.string("(-0-1j)"))),
    ("+1j", .value(.string("1j"))),
    ("0j", .value(.string("0j"))),
    ("-0.0-0j", .value(.string("(-0+0j)"))),
    ("1e400j", .value(.string("infj"))),
    ("1+2j+3j", .text),
    ("1+-2j", .text),
    ("(1)+(2j)", .value(.string("(1+2j)"))),
    ("True+1j", .text),
    ("-(1)", .value(.int(-1))),
    ("-True", .text),
    ("True", .value(.bool(true))),
    ("False", .value(.bool(false))),
    ("None", .value(.null)),
    ("true", .text),
    ("none", .text),
    ("Ellipsis", .text),
    ("...", .value(.string("..."))),
    ("[..., 1]", .value(.list([.string("..."), .int(1)]))),
    ("'single'", .value(.string("single"))),
    ("\"double\"", .value(.string("double"))),
    ("'''triple 'inner' quotes'''", .value(.string("triple 'inner' quotes"))),
    ("\"\"\"triple \"inner\" quotes\"\"\"", .value(.string("triple \"inner\" quotes"))),
    ("'''a''''", .text),
    ("'a' 'b' \"c\"", .value(.string("abc"))),
    ("'a' b'b'", .text),
    ("b'bytes'", .value(.string("bytes"))),
    ("b'\\xc3\\xa9'", .value(.string("\u{E9}"))),
    ("rb'\\x41'", .value(.string("\\x41"))),
    ("Rb'\\n'", .value(.string("\\n"))),
    ("bu'x'", .text),
    ("ur'x'", .text),
    ("u'unicode'", .value(.string("unicode"))),
    ("r'\\d+\\n'", .value(.string("\\d+\\n"))),
    ("r'\\''", .value(.string("\\'"))),
    ("'\\x41\\u00e9\\U0001F600'", .value(.string("A\u{E9}\u{1F600}"))),
    ("'\\101\\0\\777'", .value(.string("A\u{0}\u{1FF}"))),
    ("'\\a\\b\\f\\n\\r\\t\\v\\\\\\'\\\"'", .value(.string("\u{7}\u{8}\u{C}\n\r\t\u{B}\\'\""))),
    ("'\\d\\8\\q'", .value(.string("\\d\\8\\q"))),
    ("'\\N{BULLET}'", .value(.string("\u{2022}"))),
    ("'\\N{latin small letter e with acute}'", .value(.string("\u{E9}"))),
    ("'\\N{HANGUL SYLLABLE GA}'", .value(.string("\u{AC00}"))),
    ("'\\N{CJK UNIFIED IDEOGRAPH-4E00}'", .value(.string("\u{4E00}"))),
    ("'\\N{cjk unified ideograph-4e00}'", .text),
    ("'\\N{NO SUCH CHARACTER NAME}'", .text),
    ("'\\N{}'", .text),
    ("'\\x4'", .text),
    ("'\\U00110000'", .text),
    ("'\u{E9}\u{20AC}\u{1F600}'", .value(.string("\u{E9}\u{20AC}\u{1F600}"))),
    ("b'\u{E9}'", .text),
    ("f'x'", .text),
    ("'a' f'b'", .text),
    ("'#not a comment'", .value(.string("#not a comment"))),
    ("1 # a comment", .value(.int(1))),
    ("  \t  12", .value(.int(12))),
    ("12  ", .value(.int(12))),
    ("hello world", .text),
    ("1,2", .value(.list([.int(1), .int(2)]))),
    ("1,", .value(.list([.int(1)]))),
    ("()", .value(.list([]))),
    ("(1)", .value(.int(1))),
    ("(1,)", .value(.list([.int(1)]))),
    ("(1, 'a', [2])", .value(.list([.int(1), .string("a"), .list([.int(2)])]))),
    ("[]", .value(.list([]))),
    ("[1, 2,]", .value(.list([.int(1), .int(2)]))),
    ("[,]", .text),
    ("[1 2]", .text),
    ("{}", .value(mapping())),
    (
        "{'a': 1, 'b': [True, None]}",
        .value(mapping((.string("a"), .int(1)), (.string("b"), .list([.bool(true), .null]))))
    ),
    ("{'a': 1, 'a': 2}", .value(mapping((.string("a"), .int(2))))),
    ("{1: 'int', True: 'bool', 1.0: 'float'}", .value(mapping((.int(1), .string("float"))))),
    ("{None: 1, 2.5: 2, 'k': 3}", .value(mapping((.null, .int(1)), (.float(2.5), .int(2)), (.string("k"), .int(3))))),
    ("{1: 2,}", .value(mapping((.int(1), .int(2))))),
    ("{**{1: 2}}", .text),
    ("{3, 1, 2, 10, 9, 100}", .value(.list([.int(1), .int(2), .int(3), .int(100), .int(9), .int(10)]))),
    ("{1, True, 1.0}", .value(.list([.int(1)]))),
    ("{0.5, -1, 7j, (1, 2)}", .value(.list([.float(0.5), .list([.int(1), .int(2)]), .string("7j"), .int(-1)]))),
    ("set()", .value(.list([]))),
    ("(set)()", .value(.list([]))),
    ("set([1])", .text),
    ("{[1]: 2}", .failure),
    ("{1: 2, [3]: 4}", .failure),
    ("{1j: 'x'}", .failure),
    ("{b'k': 1}", .failure),
    ("{(1, 2): 3}", .failure),
    ("{...: 1}", .failure),
    ("[*[1]]", .text),
    ("x", .text),
    ("x=y", .text),
    ("'a' + 'b'", .text),
    ("-'a'", .text),
    ("1 if True else 2", .text),
    ("[[[[[[[[[[1]]]]]]]]]]", .value(nested(.int(1), depth: 10))),
    ("'tab\tinside'", .value(.string("tab\tinside"))),
    ("$HOME", .text),
    ("1\u{0}", .text),
    ("\u{B}1", .text),
    ("1\u{A0}", .text),
    ("'\\N{NBSP}'", .value(.string("\u{A0}"))),
    ("'\\N{line feed}'", .value(.string("\n"))),
    ("'\\N{LINE FEED (LF)}'", .text),
    ("'\\N{HANGUL SYLLABLE GA}'", .value(.string("\u{AC00}"))),
    ("'\\N{hangul syllable GA}'", .text),
    ("'\\N{TANGUT IDEOGRAPH-17000}'", .text),
    ("'\\N{CJK UNIFIED IDEOGRAPH-2B739}'", .text),
    ("'\\ud800'", .failure),  // Python keeps lone surrogates; Swift strings cannot
    ("'\\ud83d\\ude00'", .failure),  // Python keeps lone surrogates; Swift strings cannot
    ("b'\\xff'", .failure),  // Python keeps lone surrogates; Swift strings cannot
    ("{'\\ud800': 1}", .failure),  // Python keeps lone surrogates; Swift strings cannot
    (
        "0x10000000000000000000000000000000000000000",
        .value(.bigInt("1461501637330902918203684832716283019655932542976"))
    ),
    ("1e400+1j", .value(.string("(inf+1j)"))),
]
