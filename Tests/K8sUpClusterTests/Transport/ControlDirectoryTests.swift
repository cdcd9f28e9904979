import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `SSHTransport.checkControlDirectory` / `prepareControlDirectory`: a directory ssh can put sockets in.
@Suite struct ControlDirectoryTests {
    @Test func theLimitLeavesRoomForTheLongestSocketName() {
        let longest = "/" + String(repeating: "d", count: SSHTransport.maximumControlDirectoryLength - 1)
        let connection = HostConnection(host: "n", jump: HostConnection(host: "bastion"))
        let argument = SSHTransport(controlDirectory: longest).controlPath(for: connection)
        // `%C` expands to 40 hex digits, and ssh binds under the final name plus ".<16 random characters>".
        let socketBytes = argument.utf8.count - 2 + 40 + 17
        #expect(SSHTransport.maximumControlDirectoryLength == 40)
        #expect(socketBytes == 107)
        #expect(throws: Never.self) { try SSHTransport(controlDirectory: longest).checkControlDirectory() }
        #expect(
            throws: TransportError.controlDirectoryTooLong(path: longest + "d", length: 41, limit: 40)
        ) { try SSHTransport(controlDirectory: longest + "d").checkControlDirectory() }
    }

    @Test(arguments: [
        ("relative/cp", "it must be an absolute path"),
        ("/tmp/${USER}", "it contains '${', which ssh would expand as an environment variable"),
    ])
    func unusableDirectoriesAreRefused(path: String, reason: String) {
        #expect(throws: TransportError.controlDirectoryUnusable(path: path, reason: reason)) {
            try SSHTransport(controlDirectory: path).checkControlDirectory()
        }
    }

    @Test func prepareCreatesAPrivateDirectoryAndTightensAnOpenOne() throws {
        let root = "/tmp/k8sup-" + String(UUID().uuidString.prefix(8))
        defer { try? FileManager.default.removeItem(atPath: root) }
        let transport = SSHTransport(controlDirectory: root + "/cp")
        try transport.prepareControlDirectory()
        #expect(try permissions(root + "/cp") == 0o700)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: root + "/cp")
        try transport.prepareControlDirectory()
        #expect(try permissions(root + "/cp") == 0o700)
    }

    @Test func prepareRefusesASymlink() throws {
        let root = "/tmp/k8sup-" + String(UUID().uuidString.prefix(8))
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/real", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/real")
        #expect(
            throws: TransportError.controlDirectoryUnusable(
                path: root + "/link", reason: "it is not a directory (a symlink is refused too)")
        ) { try SSHTransport(controlDirectory: root + "/link").prepareControlDirectory() }
    }

    private func permissions(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return ((attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1) & 0o777
    }
}
