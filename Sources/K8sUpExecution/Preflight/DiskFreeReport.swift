import K8sUpPlanning

/// Reads what pre-flight's disk command prints: for each declared path a `k8sup-path PATH` line, then
/// `df -Pk` of the path (or of its nearest existing parent) in POSIX format:
///
///     k8sup-path /var/lib/k8sup/backup
///     Filesystem     1024-blocks    Used Available Capacity Mounted on
///     /dev/sda1         20509264 9876543   9567890      51% /
///
/// Fields are read around the Capacity column (`51%`), so filesystem names and mount points with spaces
/// still parse.
enum DiskFreeReport {
    static let marker = "k8sup-path "

    struct Unreadable: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    /// The free space of each declared path, in the order printed.
    static func parse(_ output: String) throws(Unreadable) -> [DiskSpace] {
        var spaces: [DiskSpace] = []
        var pending: String?
        for raw in output.split(whereSeparator: \.isNewline) {
            let line = String(raw)
            if line.hasPrefix(marker) {
                if let pending { throw Unreadable(description: "df printed nothing for \(pending)") }
                pending = String(line.dropFirst(marker.count))
                continue
            }
            guard let path = pending, !line.hasPrefix("Filesystem") else { continue }
            let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard let capacity = words.lastIndex(where: { $0.hasSuffix("%") && Int($0.dropLast()) != nil }),
                capacity >= 4, let availableKB = Int(words[capacity - 1])
            else {
                throw Unreadable(description: "cannot read df's line for \(path): \(line)")
            }
            let mount = words[(capacity + 1)...].joined(separator: " ")
            spaces.append(
                DiskSpace(path: path, mountPoint: mount.isEmpty ? "?" : mount, availableMB: availableKB / 1024))
            pending = nil
        }
        if let pending { throw Unreadable(description: "df printed nothing for \(pending)") }
        guard !spaces.isEmpty else { throw Unreadable(description: "df printed nothing") }
        return spaces
    }

    /// The shell line that prints the report for `paths`, each already one shell word: a path that does not
    /// exist yet (a backup directory before the first backup) is measured at its nearest existing parent.
    static func command(paths: [String]) -> String {
        "for p in " + paths.joined(separator: " ")
            + "; do q=$p; while [ ! -e \"$q\" ]; do q=$(dirname \"$q\"); done; printf '"
            + marker + "%s\\n' \"$p\"; df -Pk \"$q\" || exit 1; done"
    }
}
