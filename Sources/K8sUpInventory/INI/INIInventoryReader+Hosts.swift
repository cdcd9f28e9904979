import K8sUpSupport
import PythonParity

/// Host lines (`_parse_host_definition` and `_populate_host_vars`) and typed variables.
extension INIInventoryReader.Parser {
    /// `node[01:03]:2222 ansible_user=core ip="10.0.0.1"  # comment`: every host of the pattern joins the
    /// current group (the port is recorded only for new hosts), then gets the variables in order.
    package mutating func parseHosts(_ content: ArraySlice<Unicode.Scalar>, line: INISourceLines.Line)
        throws(InventoryError)
    {
        let start = content.startIndex
        let words: [ShellWords.Word]
        do {
            words = try ShellWords.split(content)
        } catch {
            switch error {
            case .unclosedQuote(let offset):
                throw .invalid(
                    location(line, offset: start + offset),
                    "unclosed quote in host definition "
                        + "\"\(text(content))\"")
            case .danglingBackslash(let offset):
                throw .invalid(
                    location(line, offset: start + offset),
                    "a backslash at the end of host definition "
                        + "\"\(text(content))\" escapes nothing")
            }
        }
        guard let pattern = words.first else {
            throw .invalid(location(line, offset: start), "expected a host name, got '\(text(content))'")
        }
        let patternPlace = location(line, offset: start + pattern.offset)
        let names = try hostNames(pattern.text, at: patternPlace)
        var variables: [(key: String, value: DataValue, place: SourceLocation)] = []
        // Keyed by code points: Python compares strings that way, Swift by canonical equivalence.
        var positions: [[Unicode.Scalar]: Int] = [:]
        for word in words.dropFirst() {
            let place = location(line, offset: start + word.offset)
            let scalars = word.text.unicodeScalars
            guard let equals = scalars.firstIndex(of: "=") else {
                throw .invalid(place, "expected key=value after the host pattern, got '\(word.text)'")
            }
            let key = String(scalars[..<equals])
            let value = try typedValue(String(scalars[scalars.index(after: equals)...]), key: key, at: place)
            // A Python dict: a repeated key keeps its first position and takes the last value.
            let keyScalars = Array(key.unicodeScalars)
            if let position = positions[keyScalars] {
                variables[position].value = value
            } else {
                positions[keyScalars] = variables.count
                variables.append((key, value, place))
            }
        }
        for name in names.names {
            guard !name.isEmpty else { throw .invalid(patternPlace, "a host name is empty") }
            try inventory.addHost(name, toGroup: groupName, port: names.port, at: patternPlace)
            for variable in variables {
                try inventory.setVariable(variable.key, to: variable.value, on: name, at: variable.place)
            }
        }
    }

    /// The INI plugin's `_expand_hostpattern`: the shared expansion plus two INI-only checks.
    private func hostNames(_ pattern: String, at place: SourceLocation) throws(InventoryError) -> (
        names: [String], port: Int?
    ) {
        let expanded: (names: [String], port: Int?)
        do {
            expanded = try HostRangeExpander.expandHostPattern(pattern)
        } catch {
            throw .invalid(place, error.description)
        }
        let stripped = PythonCharacters.strip(ArraySlice(pattern.unicodeScalars))
        if stripped.last == ":" && expanded.port == nil {
            throw .invalid(
                place,
                "host pattern '\(pattern)' ends in ':' without a port number "
                    + "(':' is reserved for giving a port)")
        }
        for name in expanded.names
        where PythonCharacters.strip(ArraySlice(name.unicodeScalars)).elementsEqual("---".unicodeScalars) {
            throw .invalid(
                place,
                "host pattern '\(pattern)': '---' starts a YAML document; "
                    + "this looks like a YAML file, not an INI inventory")
        }
        return expanded
    }

    /// `_parse_value`: the literal's value, or the text itself. The last value is remembered, because
    /// host lines often repeat one (`ansible_host=10.0.0.5 ip=10.0.0.5 access_ip=10.0.0.5`).
    package mutating func typedValue(_ text: String, key: String, at place: SourceLocation) throws(InventoryError)
        -> DataValue
    {
        // Compared byte for byte: `==` would take another spelling of "é" for the same text.
        if let last = lastValue, last.text.utf8.elementsEqual(text.utf8) { return last.value }
        do {
            let value = try PythonLiteral.inventoryValue(text)
            lastValue = (text, value)
            return value
        } catch {
            throw .invalid(place, "value of '\(key)' (\(text)): \(error.description)")
        }
    }
}
