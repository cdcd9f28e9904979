/// Path helpers with Python's `os.path` semantics, where Ansible's behaviour depends on them.
package enum PathNames {
    /// `os.path.splitext(name)[1]`: the last `.suffix` of the final component, ignoring leading dots
    /// (`.bashrc` has none, `hosts.yml.sample` has `.sample`).
    package static func pythonExtension(of path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), name[..<dot].contains(where: { $0 != "." }) else { return "" }
        return String(name[dot...])
    }

    /// Lexically removes `.` components and `dir/..` pairs (`inv/sample/../x.json` → `inv/x.json`),
    /// as Python's `os.path.normpath` does; symlinks are not consulted.
    package static func normalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part != ".." || !absolute {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// The last path component.
    package static func baseName(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `os.path.dirname`, with `.` for a bare file name.
    package static func directoryName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let head = String(path[..<slash])
        return head.isEmpty ? "/" : head
    }
}
