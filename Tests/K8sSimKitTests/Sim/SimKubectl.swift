import Foundation
import K8sUpTestSupport

@testable import K8sSimKit
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// A fake apiserver on a loopback port with a kubeconfig for it, and the real kubectl run against it.
final class SimKubectl {
    struct Result {
        let status: Int32
        let output: String
        let error: String
    }

    let cluster: SimCluster
    let server: HTTPServer
    let directory: String
    let kubectl: String

    init(_ cluster: SimCluster, kubectl: String? = nil) throws {
        self.kubectl = try kubectl ?? RealKubectl.path()
        self.cluster = cluster
        server = try HTTPServer(handler: FakeAPIServer(cluster: cluster), port: 0)
        server.start()
        directory = try makeTemporaryDirectory()
        let config = KubeconfigWriter.text(server: server.url, clusterName: "k8sim")
        try config.write(toFile: directory + "/kubeconfig", atomically: true, encoding: .utf8)
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// `run` without blocking a thread of the Swift concurrency pool while kubectl runs (a drain can take
    /// seconds, and the whole suite shares two pool threads).
    func runAsync(_ arguments: [String]) async throws -> Result {
        let (process, collect) = try prepare(arguments)
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return collect(status)
    }

    func run(_ arguments: [String]) throws -> Result {
        let (process, collect) = try prepare(arguments)
        try process.run()
        process.waitUntilExit()
        return collect(process.terminationStatus)
    }

    /// kubectl with this cluster's kubeconfig, its output going to files; `collect` reads them back.
    private func prepare(_ arguments: [String]) throws -> (Process, (Int32) -> Result) {
        let out = directory + "/out-\(UUID().uuidString)"
        let err = directory + "/err-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: kubectl)
        process.arguments = ["--kubeconfig", directory + "/kubeconfig"] + arguments
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "KUBECONFIG" }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        return (
            process,
            { status in
                Result(
                    status: status, output: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                    error: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
            }
        )
    }
}
