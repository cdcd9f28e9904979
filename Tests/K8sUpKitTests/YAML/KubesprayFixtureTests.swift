import Foundation
import Testing

@testable import K8sUpKit

/// Every `*.yml`/`*.yaml` of the shared Kubespray fixtures (`../shared/fixtures/kubespray`) must load to
/// what Ansible loads (`Fixtures/YAML/kubespray/<path>.expected.json`, from `regenerate.py`).
@Suite struct KubesprayFixtureTests {
    static let sharedDirectory = URL(fileURLWithPath: TestPaths.shared + "/fixtures/kubespray")
    static let expectedDirectory = Bundle.module.url(forResource: "Fixtures/YAML/kubespray", withExtension: nil)

    /// Paths relative to the Kubespray fixture directory of every YAML file in it.
    static func yamlFiles() throws -> [String] {
        let root = sharedDirectory.path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var paths: [String] = []
        while let path = walker.nextObject() as? String {
            guard path.hasSuffix(".yml") || path.hasSuffix(".yaml") else { continue }
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
            if exists && !isDirectory.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted()
    }

    @Test func everyKubesprayYAMLFileLoadsLikeAnsible() throws {
        guard FileManager.default.fileExists(atPath: Self.sharedDirectory.path) else {
            Issue.record(
                """
                The shared Kubespray fixtures are missing: expected them at \(Self.sharedDirectory.path) \
                (a checkout of ../shared next to the package). CI always has them.
                """)
            return
        }
        let expectedDirectory = try #require(Self.expectedDirectory)
        let files = try Self.yamlFiles()
        #expect(files.count >= 70)
        for path in files {
            let text = try YAMLTestSupport.readText(Self.sharedDirectory.appendingPathComponent(path))
            let expectedURL = expectedDirectory.appendingPathComponent(path + ".expected.json")
            guard let expected = try? String(contentsOf: expectedURL, encoding: .utf8) else {
                Issue.record("no expected output for \(path); run Fixtures/YAML/regenerate.py")
                continue
            }
            do {
                let node = try DataFileLoader.load(text: text, file: path)
                #expect(PythonJSONWriter.pretty(node?.value ?? .null) + "\n" == expected, "\(path)")
            } catch {
                #expect(expected == "ERROR\n", "\(path): \(error)")
            }
        }
    }
}
