import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Every `*.yml`/`*.yaml` of the project's Kubespray-style inventories (`Fixtures/KubesprayStyle`:
/// group_vars, host_vars, YAML inventories, a kubeadm patch) must load to what Ansible loads
/// (`Fixtures/YAML/kubespray-style/<path>.expected.json`, from `regenerate.py`).
@Suite struct KubesprayStyleYAMLTests {
    @Test func everyKubesprayStyleYAMLFileLoadsLikeAnsible() throws {
        let files = try Self.expectTreeLoadsLikeAnsible(TestPaths.kubesprayStyle, expected: "kubespray-style")
        #expect(files >= 20)
    }

    /// Paths relative to `root` of every YAML file below it (not through links to directories).
    static func yamlFiles(under root: String) -> [String] {
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

    /// Loads every YAML file below `root` and compares it with
    /// `Fixtures/YAML/<expected>/<path>.expected.json`; returns how many files there were.
    static func expectTreeLoadsLikeAnsible(_ root: String, expected: String) throws -> Int {
        let expectedDirectory = URL(fileURLWithPath: TestPaths.fixtures + "/YAML/" + expected)
        let files = yamlFiles(under: root)
        for path in files {
            let text = try YAMLTestSupport.readText(URL(fileURLWithPath: root + "/" + path))
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
        return files.count
    }
}
