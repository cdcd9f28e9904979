/// "Did you mean" for a mistyped command or option name: the closest known name, if it is close enough.
/// One rule for the whole command line: at most one edit per three characters typed (at least one).
package enum NameSuggestion {
    /// The known name nearest to `typed`, or nil when none is near.
    package static func closest(to typed: String, among names: [String]) -> String? {
        guard let best = names.min(by: { editDistance($0, typed) < editDistance($1, typed) }),
            editDistance(best, typed) <= max(1, typed.count / 3)
        else { return nil }
        return best
    }

    /// ` (did you mean 'inventory'?)` for a near miss (each name shown with `prefix`), else nothing.
    package static func hint(for typed: String, among names: [String], prefix: String = "") -> String {
        closest(to: typed, among: names).map { " (did you mean '\(prefix)\($0)'?)" } ?? ""
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours
    /// (`lsit` is one edit from `list`).
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs), right = Array(rhs)
        guard !left.isEmpty, !right.isEmpty else { return max(left.count, right.count) }
        var table = Array(repeating: Array(repeating: 0, count: right.count + 1), count: left.count + 1)
        for row in 0...left.count { table[row][0] = row }
        for column in 0...right.count { table[0][column] = column }
        for row in 1...left.count {
            for column in 1...right.count {
                let cost = left[row - 1] == right[column - 1] ? 0 : 1
                var best = min(
                    table[row - 1][column] + 1, table[row][column - 1] + 1, table[row - 1][column - 1] + cost)
                if row > 1, column > 1, left[row - 1] == right[column - 2], left[row - 2] == right[column - 1] {
                    best = min(best, table[row - 2][column - 2] + 1)
                }
                table[row][column] = best
            }
        }
        return table[left.count][right.count]
    }
}
