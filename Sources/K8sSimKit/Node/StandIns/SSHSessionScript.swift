import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A remote line that is a session script of several command lines, as k8sup sends one ssh connection
/// per step: it starts with `# k8sup session <marker> <lines>`, frames line n with `<marker> begin n`
/// and `<marker> end n <status>` on stdout (written by `printf "%s begin n\n" <marker>` and the like, so
/// they read the same inside the quoted remote line), and starts line n only after writing its begin
/// marker.
///
/// The ssh stand-in still runs the script with a real `/bin/sh`; what it needs from this reading is
/// how many command lines the script holds (each pays the node's command delay, as each did over its
/// own connection) and, for a connection that drops, where: after the line that contains the fault's
/// text has run, before its end marker reaches the client.
struct SSHSessionScript: Equatable {
    var marker: String
    var lineCount: Int
    /// The text of each command line's frame in the remote line, in order (line n is element n-1).
    var frames: [String]

    /// The session in `remoteLine`, or nil when it is a plain command line.
    init?(remoteLine: String) {
        guard let start = remoteLine.range(of: "# k8sup session ") else { return nil }
        let words = remoteLine[start.upperBound...].prefix { $0 != "\n" }.split(separator: " ")
        guard words.count == 2, let count = Int(words[1]), count > 0 else { return nil }
        marker = String(words[0])
        lineCount = count
        var frames: [String] = []
        var rest = Substring(remoteLine[start.upperBound...])
        for number in 1...count {
            guard let found = rest.range(of: Self.opening(number, marker: String(words[0]))) else { break }
            let after = rest[found.upperBound...]
            let next = after.range(of: Self.opening(number + 1, marker: String(words[0])))
            frames.append(String(rest[found.lowerBound..<(next?.lowerBound ?? rest.endIndex)]))
            rest = after
        }
        self.frames = frames
    }

    /// How the frame of line `number` starts: `{ printf "%s begin 2\n" k8sup-…`.
    private static func opening(_ number: Int, marker: String) -> String {
        "{ printf \"%s begin \(number)\\n\" \(marker)"
    }

    /// The line (from 1) a dropping connection drops in: the first whose text contains `matching`, else
    /// the first.
    func dropLine(matching: String?) -> Int {
        guard let matching else { return 1 }
        return (frames.firstIndex { $0.contains(matching) } ?? 0) + 1
    }

    /// Runs the session as the node's shell with its connection dropping in line `dropLine`: that line
    /// runs to its end, its end marker never reaches the client, and no later line starts (a real
    /// script ends there because its next marker cannot be written to the lost connection; here an
    /// `exit 255` before the next frame stands for that write). stderr is the shell's own; ssh then
    /// reports the lost connection and exits 255.
    func runDropping(
        _ remoteLine: String, at dropLine: Int, directory: String, environment: [String: String], host: String
    ) -> Int32 {
        var script = remoteLine
        if let next = script.range(of: Self.opening(dropLine + 1, marker: marker)) {
            script.insert(contentsOf: "exit 255; ", at: next.lowerBound)
        }
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", script]
        shell.currentDirectoryURL = URL(fileURLWithPath: directory)
        shell.environment = environment
        let output = Pipe()
        shell.standardOutput = output
        do {
            try shell.run()
        } catch {
            FileHandle.standardError.write(Data("k8sim: cannot run /bin/sh: \(error)\n".utf8))
            return 255
        }
        let cut = Data("\(marker) end \(dropLine) ".utf8)
        var pending = Data()
        let reader = output.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Data(pending[pending.startIndex...newline])
                pending = Data(pending[pending.index(after: newline)...])
                if !line.starts(with: cut) { FileHandle.standardOutput.write(line) }
            }
        }
        FileHandle.standardOutput.write(pending)
        shell.waitUntilExit()
        FileHandle.standardError.write(Data("Connection to \(host) closed by remote host.\r\n".utf8))
        return 255
    }
}
