import Foundation
import PythonParity

/// The words of an `ansible_ssh_common_args` / `ansible_ssh_extra_args` string, and what they ask ssh
/// to do.
///
/// Splitting follows Ansible's ssh plugin (`_split_ssh_args`): `shlex.split` in POSIX mode *without*
/// comments, each word stripped of surrounding whitespace, empty words dropped. So
/// `-o ProxyCommand="ssh -W %h:%p bastion"` is two words and `-o 'ControlPath=/a b/%C'` keeps its space.
enum SSHArgumentWords {
    /// Ansible's `_split_ssh_args(text)`.
    static func split(_ text: String) throws(ShellWords.Failure) -> [String] {
        // `ShellWords` is Python's `shlex` splitter, which treats `#` as a comment start as `shlex`
        // does with comments=True. Ansible splits ssh args without comments, so every `#` goes through the
        // splitter as a character that is ordinary in every state, and comes back afterwards.
        let scalars = Set(text.unicodeScalars)
        let placeholder = (0xE000...0xF8FF).lazy.compactMap(Unicode.Scalar.init).first { !scalars.contains($0) }
        guard let placeholder, scalars.contains("#") else {
            return clean(try ShellWords.split(text.unicodeScalars).map(\.text))
        }
        let hidden = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "#" ? placeholder : $0 }))
        let words = try ShellWords.split(hidden.unicodeScalars).map { word in
            String(String.UnicodeScalarView(word.text.unicodeScalars.map { $0 == placeholder ? "#" : $0 }))
        }
        return clean(words)
    }

    /// Whether the words already choose how ssh reaches the host: `-J`, or `-o ProxyCommand=…` /
    /// `-o ProxyJump=…` in any spelling ssh accepts (`-oProxyJump=x`, `-o "ProxyCommand ssh …"`, any
    /// case, bundled flags such as `-qJ x`). `ProxyCommand=none` counts: it is an explicit choice too.
    static func choosesProxy(_ words: [String]) -> Bool {
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            guard word.count > 1, word.hasPrefix("-"), word != "--" else { continue }
            var flags = word.dropFirst()
            while let flag = flags.first {
                flags = flags.dropFirst()
                guard optionsWithArgument.contains(flag) else { continue }
                let argument: Substring
                if flags.isEmpty {
                    argument = index < words.count ? Substring(words[index]) : ""
                    index += 1
                } else {
                    argument = flags
                }
                if flag == "J" { return true }
                if flag == "o" {
                    let keyword = argument.prefix { $0 != "=" && !$0.isWhitespace }.lowercased()
                    if keyword == "proxycommand" || keyword == "proxyjump" { return true }
                }
                break
            }
        }
        return false
    }

    /// The ssh client options that take an argument (OpenSSH 9's getopt string), so that the scan above
    /// knows where a bundle of flags ends.
    private static let optionsWithArgument: Set<Character> = Set("BbcDEeFIiJLlmOoPpQRSWw")

    /// Python's `x.strip()` on each word, dropping those left empty.
    private static func clean(_ words: [String]) -> [String] {
        words.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
