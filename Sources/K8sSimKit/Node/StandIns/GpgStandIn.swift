import Foundation

/// `gpg --dearmor [--batch] [--yes] [-o FILE]`: reads the key from stdin and writes a "keyring" (the
/// same bytes under a header) to FILE or stdout.
struct GpgStandIn {
    var context: StandInContext

    func run() -> Int32 {
        var output: String?
        var words = context.arguments[...]
        while let word = words.popFirst() {
            if word == "-o" || word == "--output" {
                output = words.popFirst()
            } else if word.hasPrefix("--output=") {
                output = String(word.dropFirst("--output=".count))
            }
        }
        guard context.arguments.contains("--dearmor") else {
            return context.fail("gpg", "k8sim: only `gpg --dearmor` is simulated", status: 2)
        }
        let key = FileHandle.standardInput.readDataToEndOfFile()
        let keyring = Data("k8sim keyring\n".utf8) + key
        guard let output, output != "-" else {
            FileHandle.standardOutput.write(keyring)
            return 0
        }
        if FileManager.default.fileExists(atPath: output) && !context.arguments.contains("--yes") {
            return context.fail("gpg", "signal: File '\(output)' exists. Overwrite? (y/N) EOF", status: 2)
        }
        guard FileManager.default.createFile(atPath: output, contents: keyring) else {
            return context.fail("gpg", "can't create '\(output)': No such file or directory", status: 2)
        }
        return 0
    }
}
