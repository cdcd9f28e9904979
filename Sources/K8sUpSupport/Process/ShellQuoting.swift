import Foundation

/// POSIX shell quoting for display: a word is left bare when every character is one the shell never
/// treats specially, and otherwise wrapped in single quotes, with each `'` written as `'\''`.
package enum ShellQuoting {
    /// `kubectl` stays `kubectl`; `a b` becomes `'a b'`; `it's` becomes `'it'\''s'`; `""` becomes `''`.
    package static func quote(_ word: String) -> String {
        if !word.isEmpty, word.unicodeScalars.allSatisfy(isSafe) { return word }
        return singleQuoted(word)
    }

    /// Quotes the first word of a command line: as `quote`, but a bare `NAME=value` would be read as a
    /// variable assignment there, so a word with `=` is quoted too.
    package static func quoteCommandName(_ word: String) -> String {
        word.contains("=") ? singleQuoted(word) : quote(word)
    }

    /// The quoted words joined by spaces: a command line for a shell that k8sup does not start itself,
    /// such as the remote command `ssh` passes to the node's shell.
    package static func join(_ words: [String]) -> String {
        words.map(quote).joined(separator: " ")
    }

    private static func singleQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// Letters, digits and `@%+=:,./-_`: none of them starts expansion, globbing, quoting or a new word
    /// (the same set as Python's `shlex.quote`, ASCII only).
    private static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": return true
        case "@", "%", "+", "=", ":", ",", ".", "/", "-", "_": return true
        default: return false
        }
    }
}
