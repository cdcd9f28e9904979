/// Splits an INI inventory line into words the way Ansible does (Python's `shlex.split` with comments):
/// blanks separate words, `'…'` keeps everything literally, `"…"` allows `\"` and `\\`, a backslash
/// outside quotes keeps the next character, and `#` outside quotes ends the line.
enum SimINIWords {
    enum Failure: Error, Equatable {
        case unclosedQuote
        case danglingBackslash
    }

    static func split(_ line: String) throws(Failure) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var characters = line.makeIterator()
        func finish() {
            if inWord { words.append(word) }
            word = ""
            inWord = false
        }
        while let character = characters.next() {
            switch character {
            case " ", "\t", "\r", "\n":
                finish()
            case "#":
                finish()
                return words
            case "\\":
                guard let next = characters.next() else { throw .danglingBackslash }
                word.append(next)
                inWord = true
            case "'":
                inWord = true
                while true {
                    guard let next = characters.next() else { throw .unclosedQuote }
                    if next == "'" { break }
                    word.append(next)
                }
            case "\"":
                inWord = true
                while true {
                    guard let next = characters.next() else { throw .unclosedQuote }
                    if next == "\"" { break }
                    if next == "\\" {
                        guard let escaped = characters.next() else { throw .unclosedQuote }
                        if !"\"\\$`".contains(escaped) { word.append("\\") }
                        word.append(escaped)
                    } else {
                        word.append(next)
                    }
                }
            default:
                word.append(character)
                inWord = true
            }
        }
        finish()
        return words
    }
}
