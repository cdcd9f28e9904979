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
import Testing

/// Golden-file assertions: compares text with `Tests/K8sUpTestSupport/Golden/NAME`, or rewrites that file
/// when the environment has `RECORD_GOLDEN=1` (then review the diff and commit it).
package enum GoldenFile {
    package static let directory = TestPaths.packageRoot + "/Tests/K8sUpTestSupport/Golden"

    package static func check(
        _ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    )
        throws
    {
        let path = directory + "/" + name
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record(
                "golden file \(name) is missing; record it with RECORD_GOLDEN=1 swift test",
                sourceLocation: sourceLocation)
            return
        }
        #expect(
            actual == expected,
            "differs from Golden/\(name); if the change is intended, re-record with RECORD_GOLDEN=1",
            sourceLocation: sourceLocation)
    }
}
