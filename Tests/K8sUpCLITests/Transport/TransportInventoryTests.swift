import K8sUpTestSupport
import Testing

@testable import K8sUpCLI
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// `HostConnection.all` on the repository's real inventories, and the commands built from them.
@Suite struct TransportInventoryTests {
    let transport = SSHTransport(controlDirectory: "/run/k8sup")

    @Test func sampleGoesThroughItsBastionAsUbuntuWithSudo() throws {
        let loaded = try InventoryLoader().load(sources: [TestPaths.inventories + "/sample"])
        let connections = try HostConnection.all(loaded)
        #expect(Set(connections.keys) == Set(loaded.inventory.hostOrder))
        let bastion = try #require(connections["bastion"])
        #expect(bastion == HostConnection(host: "bastion", address: "203.0.113.10", user: "ops", become: true))
        for name in loaded.inventory.hostOrder where name != "bastion" {
            let node = try #require(connections[name])
            #expect(node.jump == bastion, "\(name)")
            #expect(node.user == "ubuntu" && node.become && node.kind == .ssh, "\(name)")
            #expect(transport.description(of: node) == "ubuntu@\(node.address):22 via ops@203.0.113.10")
        }
        #expect(connections["worker-5"]?.address == "10.20.1.25")

        let command = transport.command(
            "kubeadm upgrade apply -y v1.30.4", on: try #require(connections["cp-1"]), timeout: .seconds(600))
        #expect(
            command.displayLine
                == "ssh -o BatchMode=yes -o ConnectTimeout=10 -o ControlMaster=auto -o ControlPersist=60s "
                + "-o ControlPath=/run/k8sup/%C-86e0d572 -l ubuntu "
                + "-o 'ProxyCommand=ssh -o BatchMode=yes -o ConnectTimeout=10 -l ops -W '\\''[%h]:%p'\\'' -- 203.0.113.10' "
                + "-- 10.20.0.11 'sudo -n -- sh -c '\\''kubeadm upgrade apply -y v1.30.4'\\'''")
    }

    @Test func onlyTheNamedHostsAreResolvedButTheBastionStillApplies() throws {
        let loaded = try InventoryLoader().load(sources: [TestPaths.inventories + "/sample"])
        let connections = try HostConnection.all(loaded, hosts: ["worker-2", "no-such-host"])
        #expect(Array(connections.keys) == ["worker-2"])
        #expect(connections["worker-2"]?.jump?.address == "203.0.113.10")
    }

    @Test func legacyInventoryHasCommonArgsAndPerHostUsers() throws {
        let loaded = try InventoryLoader().load(sources: [TestPaths.inventories + "/legacy/inventory.ini"])
        let connections = try HostConnection.all(loaded)
        #expect(connections.count == 7)
        for (name, connection) in connections {
            #expect(connection.commonArgs == ["-o", "StrictHostKeyChecking=accept-new"], "\(name)")
            #expect(connection.become && connection.jump == nil, "\(name)")
        }
        #expect(
            connections["master1"]
                == HostConnection(
                    host: "master1", address: "192.168.10.11", commonArgs: ["-o", "StrictHostKeyChecking=accept-new"]))
        #expect(connections["node03"]?.user == "deploy" && connections["node03"]?.address == "node03")
        #expect(transport.description(of: try #require(connections["master1"])) == "192.168.10.11:22")

        let command = transport.command(
            "systemctl restart kubelet", on: try #require(connections["node03"]), timeout: .seconds(60))
        #expect(
            command.arguments
                == [
                    "-o", "BatchMode=yes", "-o", "ConnectTimeout=10", "-o", "ControlMaster=auto", "-o",
                    "ControlPersist=60s",
                    "-o", "ControlPath=/run/k8sup/%C-3ccc596e", "-l", "deploy", "-o",
                    "StrictHostKeyChecking=accept-new",
                    "--", "node03", "sudo -n -- sh -c 'systemctl restart kubelet'",
                ])
    }

    @Test func aBadHostInTheInventoryIsNamedInTheError() throws {
        let inventory = """
            [kube_node]
            node1 ansible_host=10.0.0.1
            win1 ansible_connection=winrm
            """
        try withTemporaryTree(text: ["inventory.ini": inventory]) { root in
            let loaded = try InventoryLoader().load(sources: [root + "/inventory.ini"])
            #expect(throws: TransportError.unsupportedConnection(host: "win1", value: "winrm")) {
                try HostConnection.all(loaded)
            }
            #expect(try HostConnection.all(loaded, hosts: ["node1"]).count == 1)
            #expect(CLI.exitCode(for: TransportError.unsupportedConnection(host: "win1", value: "winrm")) == .dataError)
        }
    }
}
