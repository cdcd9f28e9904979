/// Python's ordering of `str` values, by code point, for everything Ansible sorts: directory listings,
/// group names of equal depth and priority, JSON keys, `--graph --vars` keys. Swift's `<` differs: it
/// compares canonically equivalent spellings (`"é"` composed or not) as equal.
extension String {
    package static func pythonOrder(_ lhs: String, _ rhs: String) -> Bool {
        // UTF-8 byte order is code point order, and cheaper to compare than scalars.
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}
