import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// ssh control sockets never cross clusters: the fallback directory (for state directories too long for a
/// socket path) is keyed by the state directory, and the socket name by everything that changes the route
/// or the identity.
@Suite struct ControlSocketNamesTests {
    /// A state directory whose `ssh/` is too long for a socket path, so the fallback applies.
    private static func longStateDirectory(_ name: String) -> String {
        "/srv/clusters/" + String(repeating: "deep/", count: 8) + name + "/.k8sup"
    }

    @Test func aLongStateDirectoryFallsBackToADirectoryOfItsOwnUnderTmp() {
        let first = ApplySettings.controlDirectory(stateDirectory: Self.longStateDirectory("prod-a"))
        let second = ApplySettings.controlDirectory(stateDirectory: Self.longStateDirectory("prod-b"))
        let root = ControlSocketNames.fallbackRoot()
        #expect(first.hasPrefix(root + "/") && second.hasPrefix(root + "/"))
        #expect(first != second)
        #expect(first == ApplySettings.controlDirectory(stateDirectory: Self.longStateDirectory("prod-a")))
        #expect(first.utf8.count <= SSHTransport.maximumControlDirectoryLength)
        let largestUID = ControlSocketNames.fallbackDirectory(stateDirectory: "/x", uid: uid_t.max)
        #expect(largestUID.utf8.count <= SSHTransport.maximumControlDirectoryLength)
        #expect(ApplySettings.controlDirectory(stateDirectory: "/srv/k/.k8sup") == "/srv/k/.k8sup/ssh")
    }

    @Test func everyRouteOrIdentitySettingChangesTheSocketName() throws {
        let plain = HostConnection(host: "w1", address: "10.0.0.5", user: "ubuntu")
        #expect(ControlSocketNames.routeTag(plain) == nil)
        var variants = [plain]
        var proxied = plain
        proxied.commonArgs = ["-o", "ProxyCommand=nc vpn-a %h %p"]
        variants.append(proxied)
        var otherProxy = plain
        otherProxy.commonArgs = ["-o", "ProxyCommand=nc vpn-b %h %p"]
        variants.append(otherProxy)
        var keyed = plain
        keyed.identityFile = "/keys/cluster-a"
        variants.append(keyed)
        var extra = plain
        extra.extraArgs = ["-o", "ProxyJump=jump-a"]
        variants.append(extra)
        var executable = plain
        executable.sshExecutable = "/opt/vpn-a/ssh"
        variants.append(executable)
        var jumped = plain
        jumped.jump = HostConnection(host: "bastion-a", address: "203.0.113.10", user: "ops")
        variants.append(jumped)
        var jumpedWithKey = jumped
        jumpedWithKey.jump?.identityFile = "/keys/bastion"
        variants.append(jumpedWithKey)
        // Argument boundaries count: one word with a space is not two words.
        var oneWord = plain
        oneWord.commonArgs = ["-o ProxyCommand=nc"]
        var twoWords = plain
        twoWords.commonArgs = ["-o", "ProxyCommand=nc"]
        variants += [oneWord, twoWords]
        let paths = variants.map { SSHTransport(controlDirectory: "/cp").controlPath(for: $0) }
        #expect(Set(paths).count == variants.count, "\(paths)")
        #expect(paths[0] == "/cp/%C")
        for path in paths.dropFirst() {
            #expect(path.range(of: #"^/cp/%C-[0-9a-f]{8}$"#, options: .regularExpression) != nil)
        }
        #expect(SSHTransport(controlDirectory: "/cp").controlPath(for: proxied) == paths[1])
    }

    /// Two clusters with the same node addresses, run one after the other through the same ssh program:
    /// the control path ssh receives differs whenever the route or the state directory differs, and is the
    /// same only for the same cluster.
    @Test func twoClustersWithTheSameAddressesNeverShareASocket() async throws {
        let node = try FakeNode()
        defer { node.remove() }
        func controlPath(stateDirectory: String, commonArgs: String?) async throws -> String {
            var mapping = vars([
                "ansible_host": "10.0.0.5", "ansible_user": "ubuntu", "ansible_ssh_executable": .string(node.ssh),
            ])
            if let commonArgs { mapping["ansible_ssh_common_args"] = .string(commonArgs) }
            let connection = try HostConnection.forHost("w1", vars: mapping, bastion: nil)
            let transport = SSHTransport(
                controlDirectory: ApplySettings.controlDirectory(stateDirectory: stateDirectory))
            _ = try await ProcessRunner().runChecked(transport.command("true", on: connection, timeout: .seconds(120)))
            let arguments = try node.sshArguments()
            let index = try #require(arguments.firstIndex { $0.hasPrefix("ControlPath=") })
            return arguments[index]
        }
        let stateA = Self.longStateDirectory("cluster-a"), stateB = Self.longStateDirectory("cluster-b")
        let viaA = #"-o ProxyCommand="nc vpn-a %h %p""#, viaB = #"-o ProxyCommand="nc vpn-b %h %p""#
        let a = try await controlPath(stateDirectory: stateA, commonArgs: viaA)
        let b = try await controlPath(stateDirectory: stateB, commonArgs: viaB)
        let sameDirectoryOtherRoute = try await controlPath(stateDirectory: stateA, commonArgs: viaB)
        let otherDirectorySameRoute = try await controlPath(stateDirectory: stateB, commonArgs: viaA)
        let noRoute = try await controlPath(stateDirectory: stateA, commonArgs: nil)
        let again = try await controlPath(stateDirectory: stateA, commonArgs: viaA)
        #expect(Set([a, b, sameDirectoryOtherRoute, otherDirectorySameRoute, noRoute]).count == 5)
        #expect(a == again)
        #expect(a.hasPrefix("ControlPath=" + ControlSocketNames.fallbackRoot() + "/"))
    }

    @Test func preparingAFallbackDirectoryKeepsItsRootPrivateToo() throws {
        let directory = ApplySettings.controlDirectory(
            stateDirectory: Self.longStateDirectory(String(UUID().uuidString.prefix(8))))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try SSHTransport(controlDirectory: directory).prepareControlDirectory()
        for path in [directory, ControlSocketNames.fallbackRoot()] {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect(((attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1) & 0o077 == 0, "\(path)")
        }
    }

    /// A plan writes nothing beside the inventory: until apply has created the state directory, pre-flight
    /// keeps its sockets in the fallback for that state directory.
    @Test func preflightUsesTheStateDirectoryOnlyOnceItExists() throws {
        let root = "/tmp/k8sup-" + String(UUID().uuidString.prefix(8))
        defer { try? FileManager.default.removeItem(atPath: root) }
        let state = root + "/.k8sup"
        #expect(
            PreflightGathering.controlDirectory(state) == ControlSocketNames.fallbackDirectory(stateDirectory: state))
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        #expect(PreflightGathering.controlDirectory(state) == state + "/ssh")
    }
}
