import Foundation

/// The "binaries" of kubeadm, kubelet, kubectl and etcdctl in a sandbox: small `#!/bin/sh` scripts that
/// carry their tool and version and run the k8sim executable as that tool. Being real files, they are
/// backed up, restored and renamed by the playbooks' own `cp`, `install` and `mv`, and `kubelet --version`
/// prints the version of whichever file is in place.
///
/// The text depends only on tool, version, architecture and the k8sim path, so the curl stand-in can
/// serve a download whose published `.sha256` matches what lands on the node.
package struct ToolFile: Sendable, Equatable {
    /// `kubeadm`, `kubelet`, `kubectl` or `etcdctl`.
    package var tool: String
    /// `v1.30.4` (`v3.5.16` for etcdctl).
    package var version: String
    /// `amd64` or `arm64`.
    package var architecture: String

    /// The argument after the executable that marks a run through a tool file.
    package static let marker = "k8sim-tool"
    /// The tools that exist as versioned files.
    package static let tools: Set<String> = ["kubeadm", "kubelet", "kubectl", "etcdctl"]
    /// The architecture every simulated node has.
    package static let nodeArchitecture = "amd64"

    package init(tool: String, version: String, architecture: String = ToolFile.nodeArchitecture) {
        self.tool = tool
        self.version = version
        self.architecture = architecture
    }

    /// The file's text for a k8sim executable at `executable`. A file for another architecture than the
    /// node's fails as the kernel would refuse a foreign ELF binary.
    package func text(executable: String) -> String {
        let header = "#!/bin/sh\n# k8sim \(tool) \(version) (linux/\(architecture))\n"
        guard architecture == Self.nodeArchitecture else {
            return header + "echo \"$0: cannot execute binary file: Exec format error\" >&2\nexit 126\n"
        }
        let words = [executable, Self.marker, tool, version].map(Self.quoted).joined(separator: " ")
        return header + "exec \(words) \"$@\"\n"
    }

    /// Writes the file at `path` (mode 0755) under a temporary name and renames it into place, as dpkg
    /// and rpm do, so a running copy is never written over.
    package func install(at path: String, executable: String) throws {
        let temporary = path + ".k8sim-new"
        try Data(text(executable: executable).utf8).write(to: URL(fileURLWithPath: temporary))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: temporary)
        guard rename(temporary, path) == 0 else {
            throw SandboxError("cannot rename \(temporary) to \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// The k8sim executable to name in new tool files: `K8SIM_EXECUTABLE`, else this process's own.
    package static func currentExecutable(environment: [String: String]) -> String {
        if let path = environment["K8SIM_EXECUTABLE"], !path.isEmpty { return path }
        return (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? "k8sim"
    }

    /// A word for `/bin/sh`: single-quoted unless it is plainly safe.
    static func quoted(_ word: String) -> String {
        let safe =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (CharacterSet.alphanumerics.contains(scalar) || "/._-+=:,@%".unicodeScalars.contains(scalar))
            }
        return safe ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension ToolFile {
    /// The version a tool file at `path` carries (`v1.29.8`), from its header line; nil when the file is
    /// missing or not a tool file.
    package static func version(inFileAt path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { return nil }
        let lines = text.split(separator: "\n", maxSplits: 2)
        guard lines.count > 1 else { return nil }
        let words = lines[1].split(separator: " ")
        guard words.count >= 4, words[0] == "#", words[1] == "k8sim" else { return nil }
        return String(words[3])
    }
}
