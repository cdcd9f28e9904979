import K8sUpSupport
import PythonParity

/// Reads an Ansible INI inventory into an `Inventory`, reproducing ansible-core 2.19's `ini` inventory
/// plugin (`ansible/plugins/inventory/ini.py`) call for call: the same groups, hosts, memberships and
/// typed variables are added in the same order, and the same inputs are rejected.
///
/// The file starts in an implicit `[ungrouped]` section. `[g]` sections list hosts (a host pattern with an
/// optional `:port` and `key=value` words, split like a POSIX shell); `[g:vars]` sections hold one
/// `key=value` per line; `[g:children]` sections name groups, which may be declared later in the file.
/// Every value goes through `PythonLiteral` (`ast.literal_eval`), so `a=1` and `a="1"` are the integer 1.
/// Lines whose first non-blank character is `#` or `;` are comments.
///
/// The caller calls `Inventory.reconcile()` once all sources are read. On error the inventory is left as
/// it was (Ansible keeps what it had added before the bad line).
///
/// Deliberate differences, all of them errors where Ansible would go on with surprising data:
/// - bytes that are not UTF-8 outside comment lines (Ansible keeps them as lone surrogates);
/// - host ranges that select nothing (`node[5:1]`), or absurdly many hosts (see `HostRangeExpander`);
/// - ports and values that inventory data cannot hold: a port beyond `Int`, lone surrogates, bytes that are
///   not UTF-8, dict keys that are not strings, numbers, booleans or None (Ansible fails on most of these too).
enum INIInventoryReader {
    /// Reads inventory text.
    static func read(_ text: String, file: String, into inventory: inout Inventory) throws(InventoryError) {
        try read(INISourceLines(text), file: file, into: &inventory)
    }

    /// Reads the bytes of an inventory file; bytes that are not UTF-8 are accepted only in comment lines.
    static func read(_ bytes: [UInt8], file: String, into inventory: inout Inventory) throws(InventoryError) {
        try read(INISourceLines(bytes), file: file, into: &inventory)
    }

    private static func read(_ source: INISourceLines, file: String, into inventory: inout Inventory)
        throws(InventoryError)
    {
        var parser = Parser(file: file, inventory: inventory)
        do {
            for line in source.lines { try parser.parse(line) }
            try parser.finish()
        } catch {
            // Ansible does not skip a UTF-8 byte-order mark: it becomes part of the first line.
            guard case .invalid(let location, let message) = error, location.line == 1,
                source.lines.first?.scalars.first == "\u{FEFF}"
            else { throw error }
            throw .invalid(
                location,
                message + " (the file starts with a UTF-8 byte-order mark, which Ansible "
                    + "reads as part of the first line; remove it)")
        }
        inventory = parser.inventory
    }

    /// The plugin's state machine: the current group and section kind, and the `pending_declarations` of
    /// groups used in `:vars` or `:children` sections before they are declared.
    struct Parser {
        /// What the lines of the current section are: hosts, child group names or group variables.
        enum SectionKind: String {
            case hosts, children, vars
        }

        /// A group named before it was declared: by a `[g:vars]` header, or as a child of other groups.
        struct PendingDeclaration {
            var kind: SectionKind
            var location: SourceLocation
            /// For `.children`: the groups whose `:children` sections named it, in order.
            var parents: [String] = []
        }

        let file: String
        var inventory: Inventory
        var groupName = Inventory.ungroupedGroup
        var kind = SectionKind.hosts
        var pendingOrder: [String] = []
        var pending: [String: PendingDeclaration] = [:]
        /// The last `key=value` text parsed and its value (see `typedValue`).
        var lastValue: (text: String, value: DataValue)?

        init(file: String, inventory: Inventory) {
            self.file = file
            self.inventory = inventory
        }

        func location(_ line: INISourceLines.Line, offset: Int) -> SourceLocation {
            SourceLocation(file: file, line: line.number, column: offset + 1)
        }

        mutating func parse(_ line: INISourceLines.Line) throws(InventoryError) {
            let range = PythonCharacters.strippedRange(of: line.scalars[...])
            let content = line.scalars[range]
            guard let first = content.first, first != "#", first != ";" else { return }
            if let invalid = line.firstInvalidOffset {
                throw .invalid(
                    location(line, offset: invalid),
                    "this line is not valid UTF-8 "
                        + "(only comment lines may contain other bytes)")
            }
            if let header = INISectionHeader.match(content) {
                try enterSection(header, line: line, offset: range.lowerBound)
                return
            }
            if first == "[" && content.last == "]" {
                throw .invalid(
                    location(line, offset: range.lowerBound),
                    "invalid section header "
                        + "'\(text(content))': expected [group], [group:children] or [group:vars], "
                        + "with no spaces and no other characters")
            }
            switch kind {
            case .hosts: try parseHosts(content, line: line)
            case .vars: try parseVariable(content, line: line)
            case .children: try parseChild(content, line: line)
            }
        }

        private mutating func enterSection(
            _ header: INISectionHeader, line: INISourceLines.Line, offset: Int
        ) throws(InventoryError) {
            let here = location(line, offset: offset)
            guard let newKind = SectionKind(rawValue: header.kind ?? "hosts") else {
                throw .invalid(
                    location(line, offset: offset + header.kindOffset),
                    "section "
                        + "[\(header.group):\(header.kind ?? "")] has unknown type '\(header.kind ?? "")': "
                        + "expected [\(header.group)], [\(header.group):children] or [\(header.group):vars]")
            }
            groupName = header.group
            kind = newKind
            if inventory.groups[groupName] == nil {
                // [g:vars] alone does not declare g; it must be declared by [g] or [g:children] somewhere.
                if kind == .vars && pending[groupName] == nil {
                    addPending(groupName, PendingDeclaration(kind: .vars, location: here))
                }
                inventory.addGroup(groupName, at: here)
            }
            if let declaration = pending[groupName], kind != .vars {
                if declaration.kind == .children {
                    try addPendingChildren(of: groupName)
                } else {
                    removePending(groupName)
                }
            }
        }

        private mutating func parseVariable(_ content: ArraySlice<Unicode.Scalar>, line: INISourceLines.Line)
            throws(InventoryError)
        {
            let start = content.startIndex
            guard let equals = content.firstIndex(of: "=") else {
                throw .invalid(
                    location(line, offset: start),
                    "expected key=value in section "
                        + "[\(groupName):vars], got '\(text(content))'")
            }
            let key = text(PythonCharacters.strip(content[..<equals]))
            let valueRange = PythonCharacters.strippedRange(of: content[(equals + 1)...])
            let value = try typedValue(
                text(content[valueRange]), key: key, at: location(line, offset: valueRange.lowerBound))
            try inventory.setVariable(key, to: value, on: groupName, at: location(line, offset: start))
        }

        private mutating func parseChild(_ content: ArraySlice<Unicode.Scalar>, line: INISourceLines.Line)
            throws(InventoryError)
        {
            let here = location(line, offset: content.startIndex)
            guard let child = INISectionHeader.childGroupName(content) else {
                throw .invalid(
                    here,
                    "expected a group name in section [\(groupName):children], "
                        + "got '\(text(content))'")
            }
            if inventory.groups[child] != nil {
                try inventory.addChild(child, to: groupName, at: here)
            } else if pending[child] != nil {
                pending[child]?.parents.append(groupName)
            } else {
                addPending(child, PendingDeclaration(kind: .children, location: here, parents: [groupName]))
            }
        }

        /// The plugin's `_add_pending_children`, for a group whose declaration has now been seen: make it a
        /// child of every group that named it, resolving those in turn if they are pending children too.
        private mutating func addPendingChildren(of group: String) throws(InventoryError) {
            var resolving: Set<String> = []
            try addPendingChildren(of: group, resolving: &resolving)
        }

        private mutating func addPendingChildren(
            of group: String, resolving: inout Set<String>
        ) throws(InventoryError) {
            guard let declaration = pending[group] else { return }
            // Python would recurse forever on a cycle here; stopping is enough (the case cannot arise from
            // a file, since a group with a [g:children] header is never pending afterwards).
            resolving.insert(group)
            for parent in declaration.parents {
                try inventory.addChild(group, to: parent, at: declaration.location)
                if pending[parent]?.kind == .children, !resolving.contains(parent) {
                    try addPendingChildren(of: parent, resolving: &resolving)
                }
            }
            removePending(group)
        }

        /// At the end of the file, the first group still pending was never declared.
        mutating func finish() throws(InventoryError) {
            guard let name = pendingOrder.first, let declaration = pending[name] else { return }
            switch declaration.kind {
            case .vars:
                throw .invalid(declaration.location, "[\(name):vars] for a group '\(name)' that is never defined")
            case .children, .hosts:
                let parent = declaration.parents.first ?? groupName
                throw .invalid(declaration.location, "section [\(parent):children] includes undefined group '\(name)'")
            }
        }

        private mutating func addPending(_ name: String, _ declaration: PendingDeclaration) {
            pending[name] = declaration
            pendingOrder.append(name)
        }

        private mutating func removePending(_ name: String) {
            pending[name] = nil
            pendingOrder.removeAll { $0 == name }
        }

        func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
            String(String.UnicodeScalarView(scalars))
        }
    }
}
