import PythonParity

/// A `[group]`, `[group:children]` or `[group:vars]` line, recognised with the exact rules of the `section`
/// and `groupname` patterns in Ansible's INI plugin.
///
/// Group names are one or more characters other than `:`, `]` and whitespace; a section name may be
/// followed by `:` and a word (`\w+`); after the `]` (or the group name in a `:children` line) only
/// whitespace and a `#` comment may follow — not a `;` comment.
struct INISectionHeader: Equatable {
    var group: String
    /// The word after `:`, if any (`children`, `vars`, or something Ansible rejects).
    var kind: String?
    /// 0-based offset of `kind` within the line.
    var kindOffset: Int

    /// `^\[([^:\]\s]+)(?::(\w+))?\]\s*(?:\#.*)?$` on a stripped line.
    static func match(_ line: ArraySlice<Unicode.Scalar>) -> INISectionHeader? {
        guard line.first == "[" else { return nil }
        let nameStart = line.startIndex + 1
        let nameEnd = groupNameEnd(line, from: nameStart)
        guard nameEnd > nameStart, nameEnd < line.endIndex else { return nil }
        var index = nameEnd
        var kind: String?
        let kindStart = index + 1
        if line[index] == ":" {
            index += 1
            while index < line.endIndex, PythonCharacters.isWordCharacter(line[index]) { index += 1 }
            guard index > kindStart else { return nil }
            kind = text(line[kindStart..<index])
        }
        guard index < line.endIndex, line[index] == "]", endsWithOptionalComment(line, from: index + 1) else {
            return nil
        }
        return INISectionHeader(
            group: text(line[nameStart..<nameEnd]), kind: kind, kindOffset: kindStart - line.startIndex)
    }

    /// `^([^:\]\s]+)\s*(?:\#.*)?$`: the group name of a line in a `[group:children]` section.
    static func childGroupName(_ line: ArraySlice<Unicode.Scalar>) -> String? {
        let end = groupNameEnd(line, from: line.startIndex)
        guard end > line.startIndex, endsWithOptionalComment(line, from: end) else { return nil }
        return text(line[line.startIndex..<end])
    }

    private static func groupNameEnd(_ line: ArraySlice<Unicode.Scalar>, from start: Int) -> Int {
        var index = start
        while index < line.endIndex, line[index] != ":", line[index] != "]", !PythonCharacters.isSpace(line[index]) {
            index += 1
        }
        return index
    }

    /// `\s*(?:\#.*)?$`.
    private static func endsWithOptionalComment(_ line: ArraySlice<Unicode.Scalar>, from start: Int) -> Bool {
        var index = start
        while index < line.endIndex, PythonCharacters.isSpace(line[index]) { index += 1 }
        return index == line.endIndex || line[index] == "#"
    }

    private static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars))
    }
}
