/// Which parts of a JSON document a reader keeps: the rest it checks for syntax and skips without
/// building anything, so that a reader of a 200 MB kubectl List keeps only the few fields it decodes.
///
/// A value of another type than the shape expects (a list where an object should be) is kept whole, so
/// that the decoder behind the reader can say what it found there, exactly as if nothing had been skipped.
package indirect enum JSONShape: Sendable {
    /// The whole value.
    case all
    /// An object's members named here, each with its own shape; the others as `others` says.
    case object(Members, others: Others)
    /// Every item of a list, each with this shape.
    case list(JSONShape)

    /// An object's members named here with their shapes, the others skipped.
    package static func object(_ members: KeyValuePairs<String, JSONShape>) -> JSONShape {
        .object(Members(members), others: .skipped)
    }

    /// What happens to the members of an object that its shape does not name.
    package enum Others: Sendable {
        /// Skipped, whatever they hold.
        case skipped
        /// Skipped when they are strings, kept whole otherwise: for a map of strings of which only a few
        /// entries matter, but whose every value must still be a string.
        case keptUnlessStrings
    }

    /// Named members, found by their UTF-8 bytes (so that skipping a member never builds its name).
    package struct Members: Sendable {
        let names: [[UInt8]]
        let shapes: [JSONShape]

        package init(_ members: KeyValuePairs<String, JSONShape>) {
            self.init(members.map { ($0.key, $0.value) })
        }

        package init(_ members: [(String, JSONShape)]) {
            names = members.map { Array($0.0.utf8) }
            shapes = members.map(\.1)
        }

        func shape(named name: UnsafeBufferPointer<UInt8>.SubSequence) -> JSONShape? {
            for (position, candidate) in names.enumerated()
            where candidate.count == name.count && candidate.elementsEqual(name) {
                return shapes[position]
            }
            return nil
        }
    }

    /// What a reader does with one member of an object of this shape.
    enum MemberPlan {
        case keep(JSONShape)
        case skip
        /// Keep the value whole unless it is a string.
        case keepUnlessString

        var mayKeep: Bool {
            if case .skip = self { return false }
            return true
        }
    }

    /// The plan for the member of this object whose name has these UTF-8 bytes. Ansible's special
    /// `__ansible_*` members are always kept: they change what the object means.
    func plan(forMember name: UnsafeBufferPointer<UInt8>.SubSequence) -> MemberPlan {
        guard case .object(let members, let others) = self else { return .keep(.all) }
        if let shape = members.shape(named: name) { return .keep(shape) }
        if name.starts(with: "__ansible_".utf8) { return .keep(.all) }
        switch others {
        case .skipped: return .skip
        case .keptUnlessStrings: return .keepUnlessString
        }
    }
}
