import Foundation
import PythonParity

/// `--limit` strings: Ansible's `subset`, which splits the string and replaces each `@file` piece with the
/// file's lines, one pattern per line (trimmed, not split again, blank lines ignored).
extension HostPatternResolver {
    /// The single patterns of a `--limit` string, limit files read in place.
    package func limitParts(_ limit: String) throws(InventoryError) -> [Part] {
        let pieces = try HostPatternSplitter.split(limit)
        guard !pieces.isEmpty else { throw Self.emptyPattern(limit) }
        var parts: [Part] = []
        for piece in pieces {
            if piece.unicodeScalars.first == "@" {
                parts += try limitFileParts(String(piece.unicodeScalars.dropFirst()), limit: limit)
            } else {
                parts.append(Part(text: piece))
            }
        }
        return parts
    }

    /// The patterns in a limit file. The file must exist and be a regular file; one with no patterns is an
    /// error, where Ansible would select every host.
    private func limitFileParts(_ path: String, limit: String) throws(InventoryError) -> [Part] {
        var isDirectory: ObjCBool = false
        guard !path.isEmpty, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .pattern(limit, problem: "limit file '\(path)' does not exist")
        }
        guard !isDirectory.boolValue else {
            throw .pattern(limit, problem: "limit file '\(path)' is a directory; '@' must name a file")
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .pattern(limit, problem: "cannot read limit file '\(path)': it is not readable UTF-8 text")
        }
        var parts: [Part] = []
        for (index, line) in Self.lines(of: text).enumerated() {
            let pattern = PythonCharacters.strip(line)
            if !pattern.isEmpty { parts.append(Part(text: pattern, origin: "line \(index + 1) of \(path)")) }
        }
        guard !parts.isEmpty else {
            throw .pattern(limit, problem: "limit file '\(path)' names no hosts or groups")
        }
        return parts
    }

    /// Lines as Python's text mode reads them: `\n`, `\r\n` and `\r` all end a line.
    package static func lines(of text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasReturn = scalar == "\r" }
            if scalar == "\n" && previousWasReturn { continue }
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        lines.append(String(current))
        return lines
    }
}
