import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sSimKit
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The fake apiserver called directly: discovery, Status errors, selectors, pagination, faults, node API.
@Suite struct FakeAPIServerTests {
    func server(_ extra: String = "") throws -> FakeAPIServer {
        FakeAPIServer(cluster: try SimTestSupport.cluster(SimClusterTests.web + extra))
    }

    @Test func discoveryNamesTheEvictionSubresource() throws {
        let api = try server()
        let core = try SimTestSupport.json(api.handle(SimTestSupport.request("GET", "/api/v1")))
        let eviction = core[["resources"]]?.listValue?.first { $0.string("name") == "pods/eviction" }
        #expect(eviction?.string("group") == "policy")
        #expect(eviction?.string("kind") == "Eviction")
        let nodes = core[["resources"]]?.listValue?.first { $0.string("name") == "nodes" }
        #expect(nodes?[["shortNames"]] == ["no"])
        let groups = try SimTestSupport.json(api.handle(SimTestSupport.request("GET", "/apis")))
        #expect(
            groups[["groups"]]?.listValue?.compactMap { $0.string("name") } == [
                "apps", "policy", "coordination.k8s.io",
            ])
        let version = try SimTestSupport.json(api.handle(SimTestSupport.request("GET", "/version")))
        #expect(version.string("gitVersion") == "v1.28.15")
        #expect(version.string("minor") == "28")
    }

    @Test func unknownThingsAreStatusObjects() throws {
        let api = try server()
        let missing = api.handle(SimTestSupport.request("GET", "/api/v1/nodes/nope"))
        #expect(missing.status == 404)
        #expect(
            String(decoding: missing.body, as: UTF8.self)
                == #"{"apiVersion": "v1", "code": 404, "details": {"kind": "nodes", "name": "nope"}, "kind": "Status", "#
                + #""message": "nodes \"nope\" not found", "metadata": {}, "reason": "NotFound", "status": "Failure"}"#)
        #expect(api.handle(SimTestSupport.request("GET", "/apis/batch/v1/jobs")).status == 404)
        #expect(api.handle(SimTestSupport.request("PUT", "/api/v1/pods")).status == 405)
    }

    @Test func fieldSelectorsAndPagination() throws {
        let api = try server()
        let query = ["fieldSelector": ["spec.nodeName=cp-1"], "limit": ["3"]]
        let first = try SimTestSupport.json(api.handle(SimTestSupport.request("GET", "/api/v1/pods", query: query)))
        #expect(first[["items"]]?.listValue?.count == 3)
        let token = try #require(first.string("metadata", "continue"))
        let second = try SimTestSupport.json(
            api.handle(
                SimTestSupport.request("GET", "/api/v1/pods", query: query.merging(["continue": [token]]) { $1 })))
        let names = (first[["items"]]?.listValue ?? []) + (second[["items"]]?.listValue ?? [])
        #expect(names.count == 6)  // four static pods, kube-proxy, calico-node
        #expect(Set(names.map(\.objectName)).count == 6)
        let labelled = try SimTestSupport.json(
            api.handle(
                SimTestSupport.request(
                    "GET", "/api/v1/namespaces/default/pods", query: ["labelSelector": ["app in (web)"]])))
        #expect(labelled[["items"]]?.listValue?.count == 3)
    }

    @Test func evictionOverHTTP() throws {
        let api = try server("\nfaults: []\n")
        let pods = try SimTestSupport.json(api.handle(SimTestSupport.request("GET", "/api/v1/namespaces/default/pods")))
        let web = (pods[["items"]]?.listValue ?? []).map(\.objectName).filter { $0.hasPrefix("web-") }
        let body = #"{"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"NAME","namespace":"default"}}"#
        func evict(_ name: String) -> HTTPResponse {
            api.handle(
                SimTestSupport.request(
                    "POST", "/api/v1/namespaces/default/pods/\(name)/eviction",
                    body: body.replacingOccurrences(of: "NAME", with: name)))
        }
        let dry = api.handle(
            SimTestSupport.request(
                "POST", "/api/v1/namespaces/default/pods/\(web[0])/eviction", query: ["dryRun": ["All"]],
                body: body.replacingOccurrences(of: "NAME", with: web[0])))
        #expect(dry.status == 201)
        #expect(api.cluster.object("pods", namespace: "default", name: web[0]) != nil)
        let ok = evict(web[0])
        #expect(ok.status == 201)
        #expect(try SimTestSupport.json(ok).string("status") == "Success")
        #expect(evict("ghost").status == 404)
    }

    @Test func injectedErrorsAndRuntimeFaults() throws {
        let api = try server("\nfaults: [{type: apiserver-errors, fraction: 1, status: 503}]\n")
        #expect(api.handle(SimTestSupport.request("GET", "/api/v1/nodes")).status == 503)
        // The node API is never faulted, and it can clear the faults.
        let listed = api.handle(SimTestSupport.request("GET", "/k8sim/v1/faults"))
        #expect(listed.status == 200)
        #expect(String(decoding: listed.body, as: UTF8.self).contains("apiserver-errors"))
        #expect(api.handle(SimTestSupport.request("PUT", "/k8sim/v1/faults", body: "[]")).status == 200)
        #expect(api.handle(SimTestSupport.request("GET", "/api/v1/nodes")).status == 200)
        #expect(api.handle(SimTestSupport.request("PUT", "/k8sim/v1/faults", body: #"[{"type": "x"}]"#)).status == 400)
    }

    @Test func nodeAPI() throws {
        let api = try server("\nfaults: [{type: unreachable, node: worker-2}]\n")
        let report = api.handle(SimTestSupport.request("GET", "/k8sim/v1/nodes/cp-1"))
        let decoded = try JSONDecoder().decode(NodeAPI.NodeReport.self, from: Data(report.body))
        #expect(
            decoded
                == .init(
                    node: "cp-1", controlPlane: true, ready: true, kubeletVersion: "v1.28.15",
                    staticPodVersion: "v1.28.15", clusterVersion: "v1.28.15"))
        let faults = api.handle(SimTestSupport.request("GET", "/k8sim/v1/faults/worker-2"))
        #expect(try JSONDecoder().decode(NodeAPI.NodeFaults.self, from: Data(faults.body)).unreachable)
        let kubeadm = api.handle(
            SimTestSupport.request(
                "POST", "/k8sim/v1/nodes/cp-1/kubeadm",
                body: #"{"command":"apply","version":"v1.29.15","kubeadmVersion":"v1.29.15"}"#))
        #expect(try JSONDecoder().decode(NodeAPI.KubeadmResult.self, from: Data(kubeadm.body)).exitCode == 0)
        let kubelet = api.handle(
            SimTestSupport.request(
                "POST", "/k8sim/v1/nodes/worker-1/kubelet", body: #"{"version":"v1.29.15","running":true}"#))
        #expect(
            try JSONDecoder().decode(NodeAPI.NodeReport.self, from: Data(kubelet.body)).kubeletVersion == "v1.29.15")
        let unknown = api.handle(SimTestSupport.request("GET", "/k8sim/v1/nodes/ghost"))
        #expect(unknown.status == 404)
        #expect(String(decoding: unknown.body, as: UTF8.self).hasPrefix(#"{"error": "#))
    }
}
