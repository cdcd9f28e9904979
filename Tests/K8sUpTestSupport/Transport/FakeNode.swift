import Foundation
import K8sSimKit
import K8sUpCLI
import K8sUpCluster
import K8sUpExecution
import K8sUpInventory
import K8sUpPlanning
import K8sUpReaders
import K8sUpSupport
import K8sUpUseCases
import PythonParity

/// A temporary directory standing in for a node: a fake `ssh` that records its argv and runs the last
/// argument with `/bin/sh -c` (as sshd hands the remote line to the login shell), a fake `sudo` under
/// `bin/` that records its argv and runs what follows `--`, and a place for marker files.
package struct FakeNode {
    package let directory: String

    package var ssh: String { directory + "/ssh" }
    package var sudoDirectory: String { directory + "/bin" }
    /// A path nothing creates unless an injected command runs.
    package var marker: String { directory + "/pwned" }
    package var markerExists: Bool { FileManager.default.fileExists(atPath: marker) }

    package init() throws {
        directory = try makeTemporaryDirectory()
        try FileManager.default.createDirectory(atPath: sudoDirectory, withIntermediateDirectories: true)
        try Self.writeScript(at: ssh, Self.sshScript)
        try Self.writeScript(at: sudoDirectory + "/sudo", Self.sudoScript)
    }

    package func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The arguments the fake `ssh` received on its last run.
    package func sshArguments() throws -> [String] { try Self.readArguments(directory + "/ssh.argv") }

    /// The arguments the fake `sudo` received on its last run.
    package func sudoArguments() throws -> [String] { try Self.readArguments(directory + "/sudo.argv") }

    /// A script that records its argv into `<its directory>/<name>.argv` and exits 0: a hop for ProxyCommand.
    package func recordingScript(named name: String) throws -> String {
        let path = directory + "/" + name
        try Self.writeScript(
            at: path,
            """
            #!/bin/sh
            : > "$0.argv"
            for word in "$@"; do printf '%s\\0' "$word" >> "$0.argv"; done
            """)
        return path
    }

    package func recordedArguments(ofScript path: String) throws -> [String] { try Self.readArguments(path + ".argv") }

    private static let sshScript = """
        #!/bin/sh
        here=$(dirname "$0")
        : > "$here/ssh.argv"
        for word in "$@"; do printf '%s\\0' "$word" >> "$here/ssh.argv"; last=$word; done
        PATH="$here/bin:$PATH" exec /bin/sh -c "$last"
        """

    private static let sudoScript = """
        #!/bin/sh
        here=$(dirname "$0")
        : > "$here/../sudo.argv"
        for word in "$@"; do printf '%s\\0' "$word" >> "$here/../sudo.argv"; done
        while [ "$#" -gt 0 ]; do
            if [ "$1" = "--" ]; then shift; exec "$@"; fi
            shift
        done
        echo "fake sudo: no --" >&2
        exit 1
        """

    private static func writeScript(at path: String, _ text: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data((text + "\n").utf8)) else {
            throw CocoaError(.fileWriteUnknown)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }

    /// NUL-terminated words, as the scripts write them.
    private static func readArguments(_ path: String) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return data.split(separator: 0, omittingEmptySubsequences: false).dropLast().map {
            String(decoding: $0, as: UTF8.self)
        }
    }
}

/// Whether a real OpenSSH client is on PATH (for the tests that ask it how it reads k8sup's argv).
package let sshIsInstalled: Bool = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/ssh") }
}()

/// A string as a YAML double-quoted scalar (JSON's string syntax is a subset of it).
package func yamlQuoted(_ text: String) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .withoutEscapingSlashes
    return String(decoding: try encoder.encode(text), as: UTF8.self)
}

/// The mapping of a `DataValue` dictionary literal (vars for `HostConnection.forHost`).
package func vars(_ value: DataValue) -> DataMapping {
    value.mappingValue ?? DataMapping()
}
