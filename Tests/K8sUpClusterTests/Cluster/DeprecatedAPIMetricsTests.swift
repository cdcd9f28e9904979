import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

@Suite struct DeprecatedAPIMetricsTests {
    @Test func readsRequestedDeprecatedAPIsWithTheirRemovalReleaseAndSkipsZeroGauges() {
        let metrics = """
            # HELP apiserver_requested_deprecated_apis [STABLE] Gauge of deprecated APIs that have been requested
            # TYPE apiserver_requested_deprecated_apis gauge
            apiserver_requested_deprecated_apis{group="flowcontrol.apiserver.k8s.io",removed_release="1.29",resource="flowschemas",subresource="",version="v1beta2"} 1
            apiserver_requested_deprecated_apis{group="",removed_release="",resource="componentstatuses",subresource="",version="v1"} 1
            apiserver_requested_deprecated_apis{group="policy",removed_release="1.25",resource="podsecuritypolicies",subresource="status",version="v1beta1"} 0
            apiserver_request_total{code="200"} 12
            """
        let uses = DeprecatedAPIMetrics.parse(metrics)
        #expect(
            uses == [
                DeprecatedAPIUse(
                    group: "flowcontrol.apiserver.k8s.io", version: "v1beta2", resource: "flowschemas",
                    removedRelease: KubeMinor(1, 29)),
                DeprecatedAPIUse(group: "", version: "v1", resource: "componentstatuses", removedRelease: nil),
            ])
        #expect(uses[0].displayName == "flowcontrol.apiserver.k8s.io/v1beta2 flowschemas")
    }

    @Test func aPlanWarnsAboutAnAPIAHopRemoves() throws {
        var fixture = PlanFixture.uniform("v1.28.6")
        fixture.live = LiveFacts(
            kubectlVersion: KubeVersion(1, 29, 0), serverVersion: KubeVersion(1, 28, 6),
            deprecatedAPIs: [
                DeprecatedAPIUse(
                    group: "flowcontrol.apiserver.k8s.io", version: "v1beta2", resource: "flowschemas",
                    removedRelease: KubeMinor(1, 29))
            ], etcdHealthy: false, etcdDetail: "[-]etcd failed: reason withheld")
        let plan = try fixture.plan()
        let removed = try #require(plan.checks("api.removed-in-target").first)
        #expect(removed.hops == [1])
        #expect(removed.message.contains("which v1.29 removes (hop 1 goes to v1.29.15)"))
        #expect(plan.checks("etcd.unhealthy").first?.severity == .blocker)
        #expect(plan.checks("kubectl.skew").isEmpty)
        fixture.live?.kubectlVersion = KubeVersion(1, 27, 1)
        let skew = try fixture.plan().checks("kubectl.skew")
        #expect(skew.map(\.hops) == [[1], [2]])
        #expect(skew.first?.fix.hasSuffix("k8sup picks one per hop") == true)
    }
}
