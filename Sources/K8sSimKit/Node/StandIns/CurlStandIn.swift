import Foundation

/// `curl [-fsSL] [--retry N] [-o FILE] URL`, serving what the playbooks download: a repository key
/// (`…/deb/Release.key`, `…/rpm/repodata/repomd.xml.key`), a deb repository's package index
/// (`…/v1.30/deb/Packages`, which pre-flight reads before the repository switch), and from any host (dl.k8s.io or a mirror's
/// `files_repo`) `…/release/vX.Y.Z/bin/linux/ARCH/{kubeadm,kubelet,kubectl}` as tool files with their
/// `.sha256`. Anything else is a 404: with `-f`, exit 22 and curl's message.
struct CurlStandIn {
    var context: StandInContext

    private static let withArgument: Set<String> = [
        "-o", "--output", "--retry", "--retry-delay", "--retry-max-time", "--connect-timeout", "-m", "--max-time",
        "-H", "--header", "-A", "--user-agent", "-x", "--proxy", "--cacert", "-u", "--user", "-w", "--write-out",
    ]

    func run() -> Int32 {
        var output: String?
        var fail = false, silent = false, showError = false
        var urls: [String] = []
        var index = 0
        let words = context.arguments
        while index < words.count {
            let word = words[index]
            index += 1
            if Self.withArgument.contains(word) {
                if (word == "-o" || word == "--output") && index < words.count { output = words[index] }
                index += 1
            } else if word.hasPrefix("-o") && !word.hasPrefix("--") && word.count > 2 {
                output = String(word.dropFirst(2))
            } else if word.hasPrefix("--") {
                if word == "--fail" { fail = true }
                if word == "--silent" { silent = true }
                if word == "--show-error" { showError = true }
            } else if word.hasPrefix("-") {
                // Bundled short flags (`-fsSL`); an `o` ends the bundle and takes the next word.
                for (offset, flag) in word.dropFirst().enumerated() {
                    if flag == "f" { fail = true }
                    if flag == "s" { silent = true }
                    if flag == "S" { showError = true }
                    if flag == "o" {
                        let rest = String(word.dropFirst(offset + 2))
                        if rest.isEmpty, index < words.count {
                            output = words[index]
                            index += 1
                        } else {
                            output = rest
                        }
                        break
                    }
                }
            } else {
                urls.append(word)
            }
        }
        guard let url = urls.first else { return context.fail("curl", "no URL specified", status: 2) }
        guard let body = body(for: url) else {
            guard fail else { return write(Array("404 page not found\n".utf8), to: output) }
            if !silent || showError { context.err("curl: (22) The requested URL returned error: 404\n") }
            return 22
        }
        return write(body, to: output)
    }

    private func write(_ body: [UInt8], to output: String?) -> Int32 {
        guard let output, output != "-" else {
            FileHandle.standardOutput.write(Data(body))
            return 0
        }
        guard FileManager.default.createFile(atPath: output, contents: Data(body)) else {
            return context.fail("curl", "(23) Failure writing output to destination", status: 23)
        }
        return 0
    }

    /// The document at `url`, or nil for a 404.
    func body(for url: String) -> [UInt8]? {
        if url.hasSuffix("/deb/Packages") {
            guard let minor = PackageCatalog.minor(inRepositoryURL: url), let state = try? context.loadState() else {
                return nil
            }
            return Array(PackageCatalog(layout: state.layout).packagesIndex(minor: minor).utf8)
        }
        if url.hasSuffix("/deb/Release.key") || url.hasSuffix("/rpm/repodata/repomd.xml.key") {
            return Array("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nk8sim\n-----END PGP PUBLIC KEY BLOCK-----\n".utf8)
        }
        let parts = url.split(separator: "/").map(String.init)
        guard parts.count >= 6 else { return nil }
        let tail = Array(parts.suffix(6))
        var name = tail[5]
        let checksum = name.hasSuffix(".sha256")
        if checksum { name = String(name.dropLast(7)) }
        guard tail[0] == "release", tail[2] == "bin", tail[3] == "linux", ["amd64", "arm64"].contains(tail[4]),
            ["kubeadm", "kubelet", "kubectl"].contains(name), let version = SimVersion(tail[1]),
            tail[1].hasPrefix("v"),
            PublishedReleases.isPublished(version)
        else { return nil }
        let file = Array(
            ToolFile(tool: name, version: version.description, architecture: tail[4]).text(
                executable: context.executable
            ).utf8)
        return checksum ? Array(SHA256.hex(file).utf8) : file
    }
}
