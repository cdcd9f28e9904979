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

/// A new empty directory under the system's temporary directory; the caller removes it.
package func makeTemporaryDirectory() throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("k8sup-test-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    return root
}

/// A throw-away directory tree of inventory files for one test; removed afterwards. Paths are relative
/// to the directory; file contents are bytes so tests can write invalid UTF-8.
package func withTemporaryTree<Result>(_ files: [String: [UInt8]], _ body: (String) throws -> Result) throws -> Result {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    for (relative, bytes) in files {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw CocoaError(.fileWriteUnknown)
        }
    }
    return try body(root)
}

/// The same with text files.
package func withTemporaryTree<Result>(text files: [String: String], _ body: (String) throws -> Result) throws -> Result
{
    try withTemporaryTree(files.mapValues { Array($0.utf8) }, body)
}
