import Foundation

/// What a path is, following symlinks.
package enum FileKind: Sendable, Equatable {
    case file
    case directory
    case other
}

/// Read-only access to files, behind a protocol so loaders can be tested with in-memory trees.
package protocol FileSystemReading: Sendable {
    /// The kind of `path` (symlinks followed), or nil when nothing is there.
    func kind(of path: String) -> FileKind?
    /// The names in a directory, unsorted.
    func entries(ofDirectory path: String) throws -> [String]
    /// The raw bytes of a file.
    func bytes(of path: String) throws -> [UInt8]
    /// The canonical absolute path (symlinks resolved), as Python's `os.path.realpath`.
    func realPath(_ path: String) -> String
}

/// The machine's real file system.
package struct LocalFileSystem: FileSystemReading {
    package init() {}

    package func kind(of path: String) -> FileKind? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    package func entries(ofDirectory path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path)
    }

    /// Reads to the end, so pipes work too (`--snapshot <(kubectl get … -o json)`).
    package func bytes(of path: String) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        return [UInt8](try handle.readToEnd() ?? Data())
    }

    package func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
