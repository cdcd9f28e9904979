import Foundation

/// One host-pattern word compiled as Ansible's `_match_list` compiles it, for testing group and host
/// names: `~regex` matches like Python's `re.match` (anchored at the start only, so `~cp` matches `cp1`);
/// anything else is an `fnmatch` wildcard matched against the whole name.
///
/// Regular expressions run on ICU (`NSRegularExpression`), not Python's `re`. The common syntax is the
/// same; the differences found are: Python-only forms such as `(?P<name>…)`, `(?P=name)`, `x{,3}` and a
/// lone `{` are rejected (as invalid); ICU-only forms such as `\z`, `\k<name>`, POSIX classes
/// (`[[:alpha:]]`), and set operations (`[\w&&[^n]]`, `[a-c--b]`) are accepted with ICU's meaning where
/// Python would reject them or read them literally; and `~` alone matches every name, as Python's empty
/// regex does (ICU refuses an empty pattern).
struct HostNameMatcher {
    private enum Kind {
        case glob(GlobPattern)
        case regex(NSRegularExpression)
        case everything
    }

    private let kind: Kind

    /// Nil when the word is a `~regex` that does not compile.
    init?(_ word: String) {
        guard word.unicodeScalars.first == "~" else {
            kind = .glob(GlobPattern(word))
            return
        }
        let source = String(word.unicodeScalars.dropFirst())
        if source.isEmpty {
            kind = .everything
        } else if let regex = try? NSRegularExpression(pattern: source) {
            kind = .regex(regex)
        } else {
            return nil
        }
    }

    func matches(_ name: String) -> Bool {
        switch kind {
        case .glob(let glob):
            return glob.matches(name)
        case .regex(let regex):
            return regex.firstMatch(in: name, options: [.anchored], range: NSRange(name.startIndex..., in: name)) != nil
        case .everything:
            return true
        }
    }
}
