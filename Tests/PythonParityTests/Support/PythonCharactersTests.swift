import K8sUpTestSupport
import Testing

@testable import K8sUpSupport
@testable import PythonParity

@Suite struct PythonCharactersTests {
    @Test func stripRemovesExactlyPythonsWhitespace() {
        let text = Array("\u{1F}\u{85}\u{A0}\u{2007}\u{3000} x\u{200B} \t\u{1C}".unicodeScalars)
        #expect(PythonCharacters.strip(text[...]) == ["x", "\u{200B}"])
        #expect(
            !PythonCharacters.isSpace("\u{200B}") && !PythonCharacters.isSpace("\u{FEFF}")
                && !PythonCharacters.isSpace("\u{180E}"))
    }

    /// Checked with CPython 3.11: `repr('a\U00011f04b\u0378\xad\u2028')` escapes all but `a` and `b`.
    @Test func printableCharactersAreThosePython311ReprLeavesAlone() {
        for scalar in ["a", " ", "\u{E9}", "\u{4E00}", "\u{1E290}"] as [Unicode.Scalar] {
            #expect(PythonCharacters.isPrintable(scalar), "\(scalar)")
        }
        for scalar in ["\u{11F04}", "\u{378}", "\u{AD}", "\u{2028}", "\u{A0}", "\n", "\u{7F}"] as [Unicode.Scalar] {
            #expect(!PythonCharacters.isPrintable(scalar), "\(scalar)")
        }
        #expect(PythonRepr.quote("a\u{11F04}b\u{378}\u{AD}\u{2028}") == #"'a\U00011f04b\u0378\xad\u2028'"#)
    }

    @Test func wordCharactersAreLettersDigitsAndNumbersPython311Knows() {
        for scalar in ["a", "Z", "0", "_", "\u{E9}", "\u{661}", "\u{2167}", "\u{4E00}", "\u{2070}"] as [Unicode.Scalar]
        {
            #expect(PythonCharacters.isWordCharacter(scalar), "\(scalar)")
        }
        // U+1E290 (Toto letter, Unicode 14) is known; U+11F04 (Kawi, Unicode 15) is not, to Python 3.11.
        #expect(PythonCharacters.isWordCharacter("\u{1E290}"))
        for scalar in ["-", ".", " ", "\u{301}", "\u{200D}", "\u{11F04}", "["] as [Unicode.Scalar] {
            #expect(!PythonCharacters.isWordCharacter(scalar), "\(scalar)")
        }
    }
}
