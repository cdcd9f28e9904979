/// Splits a line into words exactly as Python's `shlex.split(line, comments=True)` (POSIX mode), which
/// is how Ansible's INI reader splits a host line into the host pattern and its `key=value` words.
///
/// POSIX rules as `shlex.py` implements them: words end at space, tab, CR or LF only; `'…'` keeps
/// everything literally; inside `"…"` a backslash escapes only `"` and `\` (otherwise it stays); outside
/// quotes a backslash escapes any character; quotes may join a word (`a"b c"d` is `ab cd`); an empty
/// quoted string is a word; `#` at the start of a word or inside an unquoted word ends the word and the
/// rest of the line is a comment.
package enum ShellWords {
    /// One word and the offset (in Unicode scalars) of its first character in the input.
    package struct Word: Equatable {
        package var text: String
        package var offset: Int
    }

    /// Why `shlex` raised `ValueError`, with the offset of the character responsible.
    package enum Failure: Error, Equatable {
        /// "No closing quotation": the offset is that of the quote left open.
        case unclosedQuote(offset: Int)
        /// "No escaped character": a backslash at the very end; the offset is that of the backslash.
        case danglingBackslash(offset: Int)
    }

    /// `shlex`'s states: between words, in a word, in quotes, after a backslash.
    private enum State: Equatable {
        case between
        case word
        case quoted(Unicode.Scalar)
        case escaped(returnTo: EscapeReturn)
    }

    /// The state a backslash escape returns to.
    private enum EscapeReturn: Equatable {
        case word
        case doubleQuoted
    }

    /// `shlex.split(text, comments=True)`.
    package static func split<Text: Collection<Unicode.Scalar>>(_ text: Text) throws(Failure) -> [Word] {
        var words: [Word] = []
        // UTF-8 of the word so far: appending bytes is much cheaper than growing a String scalar by scalar.
        var current: [UInt8] = []
        var wordStart = 0
        // POSIX shlex emits a word that is empty but was quoted (`""`).
        var quoted = false
        var state = State.between
        var quoteStart = 0
        var escapeStart = 0
        func finishWord() {
            if !current.isEmpty || quoted {
                words.append(Word(text: String(decoding: current, as: UTF8.self), offset: wordStart))
            }
            current.removeAll(keepingCapacity: true)
            quoted = false
        }
        scanning: for (offset, scalar) in text.enumerated() {
            switch state {
            case .between:
                if isWhitespace(scalar) { continue }
                if scalar == "#" { break scanning }
                wordStart = offset
                if scalar == "\\" {
                    escapeStart = offset
                    state = .escaped(returnTo: .word)
                } else if scalar == "'" || scalar == "\"" {
                    quoteStart = offset
                    state = .quoted(scalar)
                } else {
                    append(scalar, to: &current)
                    state = .word
                }
            case .word:
                if isWhitespace(scalar) {
                    finishWord()
                    state = .between
                } else if scalar == "#" {
                    finishWord()
                    state = .between
                    break scanning
                } else if scalar == "'" || scalar == "\"" {
                    quoteStart = offset
                    state = .quoted(scalar)
                } else if scalar == "\\" {
                    escapeStart = offset
                    state = .escaped(returnTo: .word)
                } else {
                    append(scalar, to: &current)
                }
            case .quoted(let quote):
                quoted = true
                if scalar == quote {
                    state = .word
                } else if quote == "\"" && scalar == "\\" {
                    escapeStart = offset
                    state = .escaped(returnTo: .doubleQuoted)
                } else {
                    append(scalar, to: &current)
                }
            case .escaped(let returnTo):
                if returnTo == .doubleQuoted {
                    // Inside double quotes only the quote and the backslash itself can be escaped.
                    if scalar != "\\" && scalar != "\"" { current.append(UInt8(ascii: "\\")) }
                    append(scalar, to: &current)
                    state = .quoted("\"")
                } else {
                    append(scalar, to: &current)
                    state = .word
                }
            }
        }
        switch state {
        case .between, .word: finishWord()
        case .quoted: throw .unclosedQuote(offset: quoteStart)
        case .escaped: throw .danglingBackslash(offset: escapeStart)
        }
        return words
    }

    private static func append(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        if scalar.isASCII {
            bytes.append(UInt8(truncatingIfNeeded: scalar.value))
        } else {
            bytes.append(contentsOf: String(scalar).utf8)
        }
    }

    /// `shlex`'s whitespace: space, tab, CR and LF only (not the other characters `str.strip()` removes).
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n"
    }
}
