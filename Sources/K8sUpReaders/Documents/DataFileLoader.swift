/// Loads an inventory or variables file the way Ansible's `from_yaml` does: as JSON if Python's
/// `json.loads` accepts it, otherwise as a single YAML document.
///
/// Both paths give the same `YAMLNode` tree with positions, so callers have one API. When the text is
/// neither, the YAML error is reported, as Ansible does.
package enum DataFileLoader {
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the name to use in locations and error messages.
    /// - Returns: the root node; nil for an empty YAML stream (Ansible's `None`). A JSON `null` or YAML
    ///   `~` document gives a null node instead, with its position.
    /// - Throws: the `YAMLError` of the YAML reader when the text is neither JSON nor YAML.
    package static func load(text: String, file: String) throws(YAMLError) -> YAMLNode? {
        if let node = try? JSONReader.parse(text, file: file) { return node }
        return try YAMLReader.parse(text, file: file)
    }
}
