/// Path helpers with Python's `os.path` semantics, where Ansible's behaviour depends on them.
enum PathNames {
    /// `os.path.splitext(name)[1]`: the last `.suffix` of the final component, ignoring leading dots
    /// (`.bashrc` has none, `hosts.yml.sample` has `.sample`).
    static func pythonExtension(of path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), name[..<dot].contains(where: { $0 != "." }) else { return "" }
        return String(name[dot...])
    }

    /// The last path component.
    static func baseName(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
