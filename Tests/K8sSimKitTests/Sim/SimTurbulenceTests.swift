import Foundation
import Glibc
import K8sUpTestSupport
import Synchronization
import Testing

@testable import K8sSimKit
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// k8sim's turbulence: an apiserver outage after kubeadm replaced a kube-apiserver, ssh connections
/// refused or dropped, and apiserver errors with the bodies a real apiserver sends.
@Suite struct SimTurbulenceTests {
    @Test func theNewFaultsAreReadAndWrittenInTheScenarioFormat() throws {
        let text = """
            - {type: apiserver-outage, seconds: 12, mode: refused, command: apply}
            - {type: apiserver-outage, node: cp-2}
            - {type: ssh-refused, node: worker-2, count: 3, matching: kubelet-}
            - {type: ssh-drops, node: cp-1}
            """
        let faults = try SimFault.readList(text: text, file: "faults.yaml", nodes: ["cp-1", "cp-2", "worker-2"])
        #expect(
            faults == [
                .apiserverOutage(seconds: 12, mode: .refused, node: nil, command: "apply"),
                .apiserverOutage(seconds: 20, mode: .unavailable, node: "cp-2", command: nil),
                .sshRefused(node: "worker-2", count: 3, matching: "kubelet-"),
                .sshDrops(node: "cp-1", count: 1, matching: nil),
            ])
        let again = try SimFault.readList(
            text: PythonJSONWriter.compact(.list(faults.map(\.dataValue))), file: "faults.json")
        #expect(again == faults)
        for (bad, says) in [
            ("{type: apiserver-outage, mode: down}", "mode must be unavailable or refused"),
            ("{type: apiserver-outage, seconds: 0}", "seconds must be above 0"),
            ("{type: ssh-refused, node: cp-1, count: 0}", "count must be 1 or more"),
            ("{type: ssh-drops}", "needs node"),
            ("{type: ssh-drops, node: cp-9}", "not a node of the simulated cluster"),
        ] {
            #expect(throws: ScenarioError.self) {
                try SimFault.readList(text: bad, file: "f.yaml", nodes: ["cp-1"])
            }
            do {
                _ = try SimFault.readList(text: bad, file: "f.yaml", nodes: ["cp-1"])
            } catch {
                #expect(error.description.contains(says), "\(error)")
            }
        }
    }

    @Test func refusalsStartAtTheMatchingCommandAndThenRefuseWhateverRunsUntilTheCountIsUsed() throws {
        let cluster = try SimTestSupport.cluster(
            "from: v1.28.15\nfaults: [{type: ssh-refused, node: worker-2, count: 2, matching: backup}]\n")
        func connect(_ node: String, _ command: String) -> Bool? {
            cluster.sshConnection(node: node, command: command)?.refused
        }
        #expect(connect("worker-2", "apt-get update") == false)
        #expect(connect("worker-1", "cp backup") == false)
        #expect(connect("worker-2", "cp backup") == true)
        #expect(connect("worker-2", "apt-get update") == true)
        #expect(connect("worker-2", "cp backup") == false)
        #expect(connect("worker-9", "cp backup") == nil)
        // Setting the faults again starts the count afresh.
        cluster.faults = cluster.faults
        #expect(connect("worker-2", "cp backup") == true)
    }

    @Test func dropsHitOnlyMatchingCommandsAndRefusalsWin() throws {
        let cluster = try SimTestSupport.cluster(
            "from: v1.28.15\nfaults: [{type: ssh-drops, node: cp-1, count: 2, matching: kubeadm upgrade}]\n")
        #expect(cluster.sshConnection(node: "cp-1", command: "apt-get update")?.drops == false)
        #expect(cluster.sshConnection(node: "cp-1", command: "kubeadm upgrade node")?.drops == true)
        #expect(cluster.sshConnection(node: "cp-1", command: "kubeadm upgrade node")?.drops == true)
        #expect(cluster.sshConnection(node: "cp-1", command: "kubeadm upgrade node")?.drops == false)
        cluster.faults = [
            .sshDrops(node: "cp-1", count: 1, matching: nil), .sshRefused(node: "cp-1", count: 1, matching: nil),
        ]
        let both = cluster.sshConnection(node: "cp-1", command: "true")
        #expect(both?.refused == true && both?.drops == false)
    }

    @Test func anOutageStartsWhenKubeadmReplacesAKubeAPIServerAndEndsAfterItsSeconds() throws {
        let clock = ManualClock()
        let cluster = try SimTestSupport.cluster(
            "from: v1.28.15\nfaults: [{type: apiserver-outage, seconds: 10, command: apply}]\n", clock: clock)
        let heard = Mutex<[String]>([])
        cluster.outageHandler = { seconds, mode in heard.withLock { $0.append("\(seconds) \(mode)") } }
        _ = cluster.kubeadm("worker-1", request: .init(command: "node", version: "v1.28.15"))
        #expect(cluster.apiserverOutage == nil)
        let applied = cluster.kubeadm("cp-1", request: .init(command: "apply", version: "v1.29.15"))
        #expect(applied?.exitCode == 0)
        #expect(cluster.apiserverOutage == .unavailable)
        #expect(heard.withLock { $0 } == ["10.0 unavailable"])
        let api = FakeAPIServer(cluster: cluster)
        let answer = api.handle(SimTestSupport.request("GET", "/api/v1/nodes"))
        #expect(answer.status == 503)
        #expect(String(decoding: answer.body, as: UTF8.self).contains("No server is available to handle this request."))
        // The node API keeps serving.
        #expect(api.handle(SimTestSupport.request("GET", "/k8sim/v1/nodes/cp-1")).status == 200)
        clock.advance(by: 10)
        #expect(cluster.apiserverOutage == nil)
        #expect(api.handle(SimTestSupport.request("GET", "/api/v1/nodes")).status == 200)
        // `command: apply` leaves `kubeadm upgrade node` on the other control-plane node alone.
        _ = cluster.kubeadm("cp-2", request: .init(command: "node", version: "v1.29.15"))
        #expect(cluster.apiserverOutage == nil)
    }

    @Test func aClosedPortRefusesConnectionsAndListensAgainOnTheSamePort() throws {
        let server = try HTTPServer(handler: FakeAPIServer(cluster: SimTestSupport.cluster("from: v1.28.15\n")))
        server.start()
        defer { server.stop() }
        let request = HTTPRequest(method: "GET", path: "/version")
        #expect(try HTTPClient.send(request, to: server.url).status == 200)
        server.refuseConnections(for: 0.5)
        #expect(Self.connectError(server.port) == ECONNREFUSED)
        // It listens again within moments of the half second (the limit only ends a broken test).
        var status: Int?
        for _ in 0..<600 where status == nil {
            usleep(10_000)
            status = try? HTTPClient.send(request, to: server.url).status
        }
        #expect(status == 200)
    }

    /// errno of a TCP connect to 127.0.0.1:`port`, 0 when it connected.
    static func connectError(_ port: UInt16) -> Int32 {
        guard let fd = try? SocketIO.streamSocket() else { return -1 }
        defer { close(fd) }
        var address = SocketIO.loopbackAddress(port: port)
        let result = SocketIO.withSocketAddress(&address) { connect(fd, $0, $1) }
        return result == 0 ? 0 : errno
    }

    @Test func apiserverErrorsAnswerWithWhatARealAPIServerSends() throws {
        let api = try FakeAPIServer(cluster: SimTestSupport.cluster("from: v1.28.15\n"))
        func answer(_ status: Int) throws -> (HTTPResponse, String) {
            api.cluster.faults = [.apiserverErrors(fraction: 1, status: status)]
            let response = api.handle(SimTestSupport.request("GET", "/api/v1/nodes/cp-1"))
            return (response, String(decoding: response.body, as: UTF8.self))
        }
        let (serverError, serverErrorBody) = try answer(500)
        #expect(serverError.status == 500)
        #expect(
            serverErrorBody.contains(#""message": "etcdserver: leader changed""#) && !serverErrorBody.contains("reason")
        )
        let (shutdown, shutdownBody) = try answer(503)
        #expect(shutdownBody.contains(#""reason": "ServiceUnavailable""#))
        #expect(shutdown.headers.contains { $0.name == "Retry-After" && $0.value == "1" })
        let (throttled, throttledBody) = try answer(429)
        #expect(throttledBody == "Too many requests, please try again later.\n")
        #expect(throttled.headers.contains { $0.name == "Retry-After" })
        #expect(try answer(504).1.contains(#""reason": "Timeout""#))
        #expect(try answer(502).1.contains("502 Bad Gateway"))
    }
}

/// Real kubectl against the faults: it prints the texts a real cluster makes it print, and k8sup's
/// classifier takes each for a transient failure.
@Suite(.serialized) struct KubectlTurbulenceTests {
    @Test func kubectlPrintsTheRealTextsAndEachIsTransient() async throws {
        let sim = try SimKubectl(SimTestSupport.cluster("from: v1.28.15\n"))
        // Discovery is cached after the first call, as on an operator's machine.
        #expect(try await sim.runAsync(["get", "nodes"]).status == 0)
        let expected = [
            500: "Error from server: etcdserver: leader changed",
            504: "Error from server (Timeout): Timeout: request did not complete within requested timeout - context "
                + "deadline exceeded",
            502: "Error from server (InternalError): an error on the server (\"<html><body><h1>502 Bad Gateway</h1>",
        ]
        for (status, text) in expected.sorted(by: { $0.key < $1.key }) {
            sim.cluster.faults = [.apiserverErrors(fraction: 1, status: status)]
            let result = try await sim.runAsync(["cordon", "worker-1"])
            #expect(result.status == 1)
            #expect(result.error.contains(text), "\(status): \(result.error)")
            let failed = CommandResult.failure(exit: result.status, stderr: result.error)
            #expect(KubectlFailure.transientCause(failed, timeout: .seconds(60)) != nil, "\(result.error)")
        }
        sim.cluster.faults = [.apiserverOutage(seconds: 600, mode: .unavailable, node: nil, command: nil)]
        _ = sim.cluster.kubeadm("cp-1", request: .init(command: "apply", version: "v1.29.15"))
        let outage = try await sim.runAsync(["uncordon", "worker-1"])
        #expect(outage.status == 1)
        #expect(
            outage.error.contains(
                "Error from server (ServiceUnavailable): the server is currently unable to handle the request"))
        let failed = CommandResult.failure(exit: outage.status, stderr: outage.error)
        #expect(KubectlFailure.transientCause(failed, timeout: .seconds(60)) != nil)
        sim.cluster.faults = []
        #expect(try await sim.runAsync(["get", "nodes"]).status == 0)
    }
}
