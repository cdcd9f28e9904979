import Foundation

extension SimStateFile {
    /// Reads `<directory>/k8sim.json`.
    package static func load(directory: String) throws -> SimStateFile {
        let path = directory + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SandboxError("\(path) is missing: is `k8sim serve` running with this state directory?")
        }
        do {
            return try JSONDecoder().decode(SimStateFile.self, from: data)
        } catch {
            throw SandboxError("\(path) is not a k8sim state file: \(error)")
        }
    }
}
