import Foundation

/// `sudo`: on a simulated node every session is already root, so it reads sudo's options (`-n`, `-E`,
/// `-H`, `-u USER`, `-g GROUP`, `--`) and becomes the command, found on `PATH` (the sandbox's stand-ins
/// first, which is what sudo's `secure_path` would give). With the `sudo-fails` fault it refuses as sudo
/// does without a password (`sudo: a password is required`, exit 1).
struct SudoStandIn {
    var context: StandInContext

    private static let withArgument = Set("ugCDhpRrTU")

    func run() -> Int32 {
        // The `sudo-fails` fault: the login has no passwordless sudo, and -n forbids the prompt.
        if context.environment[StandInContext.sudoFailsVariable] == "1" {
            return context.fail("sudo", "a password is required")
        }
        var index = 0
        let arguments = context.arguments
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" {
                index += 1
                break
            }
            guard word.count > 1, word.hasPrefix("-") else { break }
            index += 1
            if word.hasPrefix("--") {
                // Long options with a separate value (`--user root`); `--user=root` is one word.
                if ["--user", "--group", "--chdir", "--host", "--prompt"].contains(word) { index += 1 }
                continue
            }
            var flags = word.dropFirst()
            while let flag = flags.first {
                flags = flags.dropFirst()
                guard Self.withArgument.contains(flag) else { continue }
                if flags.isEmpty { index += 1 }
                break
            }
        }
        let command = Array(arguments[min(index, arguments.count)...])
        guard !command.isEmpty else {
            return context.fail("usage", "sudo [-n] [-u user] [--] command [arg ...]")
        }
        let failure = ProcessReplacement.exec(command, searchingPath: true)
        if failure == ENOENT { return context.fail("sudo", "\(command[0]): command not found") }
        return context.fail(
            "sudo", "unable to execute \(command[0]): \(String(cString: strerror(failure)))", status: 126)
    }
}
