/// A list of names kept to one readable line however many there are: whole when it fits the width, else
/// the first names that fit, `…`, the last name and the count (`worker-1, worker-2, … worker-300 (300
/// in all)`). The plan text uses it so that a 300-node cluster reads as easily as an 8-node one.
package enum NameList {
    /// `names` joined by `separator` within `width` characters where possible; the first and the last name
    /// are always shown. `counting` names what the count counts (`in all`, `batches`).
    package static func line(_ names: [String], separator: String = ", ", width: Int, counting: String = "in all")
        -> String
    {
        let whole = names.joined(separator: separator)
        guard names.count > 2, whole.count > width, let last = names.last else { return whole }
        let tail = "… \(last) (\(names.count) \(counting))"
        var shown = [names[0]]
        var length = names[0].count + separator.count + tail.count
        for name in names.dropFirst().dropLast() {
            guard length + name.count + separator.count <= width else { break }
            shown.append(name)
            length += name.count + separator.count
        }
        return shown.joined(separator: separator) + separator + tail
    }
}
