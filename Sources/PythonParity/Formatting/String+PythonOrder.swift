import Glibc

/// Python's ordering of `str` values, by code point, for everything Ansible sorts: directory listings,
/// group names of equal depth and priority, JSON keys, `--graph --vars` keys. Swift's `<` differs: it
/// compares canonically equivalent spellings (`"é"` composed or not) as equal.
extension String {
    package static func pythonOrder(_ lhs: String, _ rhs: String) -> Bool {
        // UTF-8 byte order is code point order; native strings compare their bytes in one memcmp.
        let compared = lhs.utf8.withContiguousStorageIfAvailable { left in
            rhs.utf8.withContiguousStorageIfAvailable { right in
                guard let leftStart = left.baseAddress, let rightStart = right.baseAddress else {
                    return left.count < right.count
                }
                let order = memcmp(leftStart, rightStart, Swift.min(left.count, right.count))
                return order != 0 ? order < 0 : left.count < right.count
            }
        }
        if let result = compared ?? nil { return result }
        return lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}
