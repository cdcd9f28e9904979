import Testing

@testable import K8sUpKit

@Suite struct PythonCharactersTests {
    @Test func stripRemovesExactlyPythonsWhitespace() {
        let text = Array("\u{1F}\u{85}\u{A0}\u{2007}\u{3000} x\u{200B} \t\u{1C}".unicodeScalars)
        #expect(PythonCharacters.strip(text[...]) == ["x", "\u{200B}"])
        #expect(
            !PythonCharacters.isSpace("\u{200B}") && !PythonCharacters.isSpace("\u{FEFF}")
                && !PythonCharacters.isSpace("\u{180E}"))
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
