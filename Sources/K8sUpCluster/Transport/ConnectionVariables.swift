import Foundation
import PythonParity

/// Typed reads of one host's connection vars, with Ansible's rules for which spelling wins and what
/// counts as true, and k8sup's refusals (Jinja templates, values ssh could read as an option).
///
/// Where Ansible knows a setting under several names, the names are given in Ansible's order and the
/// last one present wins (ansible-core resolves a connection plugin's `vars:` list that way), so the
/// legacy `ansible_ssh_host` beats `ansible_host` when both are set, exactly as in Ansible. A var set to
/// null (`ansible_user:` with nothing after it) counts as unset.
struct ConnectionVariables {
    let host: String
    let vars: DataMapping

    /// The winning name and its value, if any of `names` is set.
    func lookup(_ names: [String]) -> (name: String, value: DataValue)? {
        var found: (name: String, value: DataValue)?
        for name in names {
            if let value = vars[name], !value.isNull { found = (name, value) }
        }
        return found
    }

    /// Whether a secret var is really set: like Ansible, an empty or null password counts as none.
    func isSet(_ name: String) -> Bool {
        guard let value = vars[name] else { return false }
        return !(value.isNull || value == .string(""))
    }

    /// The value as text: scalars as Python's `str()` shows them (Ansible converts string options that
    /// way), collections refused, templates refused.
    func text(_ names: [String]) throws(TransportError) -> (name: String, text: String)? {
        guard let (name, value) = lookup(names) else { return nil }
        switch value {
        case .list, .mapping:
            throw .invalidValue(host: host, variable: name, reason: "must be a single value, got a \(value.kindName)")
        default:
            let text = value.scalarText
            if Self.isTemplate(text) { throw .template(host: host, variable: name) }
            return (name, text)
        }
    }

    /// A name ssh or sudo receives as one argument (an address, a user): not empty, not starting with
    /// `-` (it must never be read as an option), no whitespace or control characters.
    func word(_ names: [String]) throws(TransportError) -> String? {
        guard let (name, text) = try text(names) else { return nil }
        if text.isEmpty { throw .invalidValue(host: host, variable: name, reason: "is empty") }
        if text.hasPrefix("-") {
            throw .invalidValue(
                host: host, variable: name, reason: "must not start with '-' (ssh would read it as an option)")
        }
        if text.unicodeScalars.contains(where: Self.isSpaceOrControl) {
            throw .invalidValue(
                host: host, variable: name, reason: "must not contain spaces or control characters, got '\(text)'")
        }
        return text
    }

    /// A path or program name: not empty and without control characters. The value is never quoted in
    /// the message, since key file vars count as secret.
    func path(_ names: [String]) throws(TransportError) -> String? {
        guard let (name, text) = try text(names) else { return nil }
        if text.isEmpty { throw .invalidValue(host: host, variable: name, reason: "is empty") }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw .invalidValue(host: host, variable: name, reason: "must not contain control characters")
        }
        return text
    }

    /// A TCP port, from an integer or a string of digits.
    func port(_ names: [String]) throws(TransportError) -> Int? {
        guard let (name, value) = lookup(names) else { return nil }
        let number: Int?
        switch value {
        case .int(let integer): number = integer
        case .string(let text):
            if Self.isTemplate(text) { throw .template(host: host, variable: name) }
            number = Int(text.trimmingCharacters(in: .whitespaces))
        default: number = nil
        }
        guard let number, (1...65535).contains(number) else {
            throw .invalidValue(
                host: host, variable: name, reason: "must be a port number from 1 to 65535, got '\(value.scalarText)'")
        }
        return number
    }

    /// A boolean in any form Ansible's `boolean()` accepts: true/false, yes/no, on/off, y/n, t/f, 1/0 (in
    /// any case) and the numbers 1 and 0. Anything else is an error rather than Ansible's silent false.
    func flag(_ names: [String]) throws(TransportError) -> Bool? {
        guard let (name, value) = lookup(names) else { return nil }
        switch value {
        case .bool(let flag): return flag
        case .int(1): return true
        case .int(0): return false
        case .float(let number) where number == 1 || number == 0: return number == 1
        case .string(let text):
            if Self.isTemplate(text) { throw .template(host: host, variable: name) }
            let word = text.trimmingCharacters(in: .whitespaces).lowercased()
            if ["y", "yes", "on", "1", "true", "t"].contains(word) { return true }
            if ["n", "no", "off", "0", "false", "f"].contains(word) { return false }
        default: break
        }
        throw .invalidValue(
            host: host, variable: name, reason: "must be true or false (or yes/no, 1/0), got '\(value.scalarText)'")
    }

    /// A string of ssh options, split into words as Ansible's ssh plugin splits it.
    func sshArguments(_ names: [String]) throws(TransportError) -> [String] {
        guard let (name, text) = try text(names) else { return [] }
        do {
            return try SSHArgumentWords.split(text)
        } catch {
            let problem: String
            switch error {
            case .unclosedQuote(let offset): problem = "a quote at character \(offset + 1) is never closed"
            case .danglingBackslash: problem = "it ends with a lone backslash"
            }
            throw .invalidValue(host: host, variable: name, reason: "cannot be split into ssh arguments: \(problem)")
        }
    }

    /// Whether Ansible would template this text: it holds a Jinja expression, statement or comment start.
    static func isTemplate(_ text: String) -> Bool {
        text.contains("{{") || text.contains("{%") || text.contains("{#")
    }

    private static func isSpaceOrControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
    }
}
