import Foundation

/// The pkgs.k8s.io line of a node's apt sources (`etc/apt/sources.list` and
/// `etc/apt/sources.list.d/*.list` in the sandbox): `deb [signed-by=KEYRING] URL/ /`.
struct AptSources: Equatable {
    /// The repository URL without its trailing `/` (`https://pkgs.k8s.io/core:/stable:/v1.30/deb`).
    var url: String
    /// `1.30`.
    var minor: String
    /// The keyring `signed-by=` names, if any.
    var signedBy: String?

    /// The first Kubernetes repository line of the node's sources, if there is one.
    static func kubernetesSource(context: StandInContext) -> AptSources? {
        let directory = context.nodePath("etc/apt/sources.list.d")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".list") }.sorted()
        let files = [context.nodePath("etc/apt/sources.list")] + names.map { directory + "/" + $0 }
        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") {
                if let source = parse(String(line)) { return source }
            }
        }
        return nil
    }

    /// One `deb` line, when its URL names a pkgs.k8s.io-style minor repository.
    static func parse(_ line: String) -> AptSources? {
        var words = line.split(separator: " ").map(String.init)
        guard words.first == "deb" else { return nil }
        words.removeFirst()
        var signedBy: String?
        if let first = words.first, first.hasPrefix("[") {
            var options: [String] = []
            while let word = words.first {
                words.removeFirst()
                options.append(word.trimmingCharacters(in: CharacterSet(charactersIn: "[]")))
                if word.hasSuffix("]") { break }
            }
            signedBy = options.first { $0.hasPrefix("signed-by=") }.map { String($0.dropFirst("signed-by=".count)) }
        }
        guard let url = words.first, let minor = PackageCatalog.minor(inRepositoryURL: url) else { return nil }
        var trimmed = Substring(url)
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return AptSources(url: String(trimmed), minor: minor, signedBy: signedBy)
    }
}
