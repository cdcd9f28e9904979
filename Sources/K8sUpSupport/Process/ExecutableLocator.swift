import Foundation
import Glibc

/// Finds the file a command's executable names, the way a shell would, before anything is started:
/// Foundation's `Process` does no `PATH` lookup of its own.
package enum ExecutableLocator {
    /// Used when the environment has no `PATH` at all.
    static let fallbackSearchPath = "/usr/local/bin:/usr/bin:/bin"

    /// The absolute path of `executable`: a name containing `/` is taken as a path (relative ones
    /// from `workingDirectory`, else k8sup's own); any other name is searched in `searchPath`.
    package static func locate(
        _ executable: String,
        searchPath: String?,
        workingDirectory: String? = nil
    ) throws(CommandError) -> String {
        if executable.contains("/") {
            let base = workingDirectory ?? FileManager.default.currentDirectoryPath
            let path = executable.hasPrefix("/") ? executable : base + "/" + executable
            guard isExecutableFile(path) else { throw .executableNotFound(executable, searchPath: nil) }
            return path
        }
        let path = searchPath ?? fallbackSearchPath
        // Empty and relative PATH entries name directories relative to wherever k8sup happens to run;
        // skipping them means a file lying in the working directory is never run by accident.
        let directories = path.split(separator: ":").filter { $0.hasPrefix("/") }
        for directory in directories where !executable.isEmpty {
            let candidate = directory + "/" + executable
            if isExecutableFile(candidate) { return candidate }
        }
        throw .executableNotFound(executable, searchPath: path)
    }

    /// The executable for `command` with the environment it will run with.
    package static func locate(_ command: Command, environment: [String: String]) throws(CommandError) -> String {
        try locate(command.executable, searchPath: environment["PATH"], workingDirectory: command.workingDirectory)
    }

    /// A regular file (or a link to one) that k8sup may execute.
    private static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }
}
