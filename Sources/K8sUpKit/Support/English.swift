/// Small helpers for error messages that read as plain English.
enum English {
    /// "an integer", "a list".
    static func withArticle(_ noun: String) -> String {
        guard let first = noun.first else { return noun }
        return ("aeiou".contains(first) ? "an " : "a ") + noun
    }
}
