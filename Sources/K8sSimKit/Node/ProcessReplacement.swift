import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Replaces the running process with another program (`execv`/`execvp`), as `sudo` and sshd do, so
/// stdin, stdout, stderr and the exit status pass through untouched.
enum ProcessReplacement {
    /// Runs `arguments[0]` with `arguments`; returns the `errno` only when the exec failed.
    static func exec(_ arguments: [String], searchingPath: Bool) -> Int32 {
        guard let program = arguments.first else { return EINVAL }
        var words: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        words.append(nil)
        if searchingPath {
            execvp(program, &words)
        } else {
            execv(program, &words)
        }
        let failure = errno
        for word in words { free(word) }
        return failure
    }
}
