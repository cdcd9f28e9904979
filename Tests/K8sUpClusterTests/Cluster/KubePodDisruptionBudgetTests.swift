import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// PodDisruptionBudgets: kubectl's JSON into `DisruptionBudget`, IntOrString, selectors and v1beta1.
@Suite struct KubePodDisruptionBudgetTests {
    func budget(_ spec: String, apiVersion: String = "policy/v1") throws -> DisruptionBudget? {
        try budgets(budgetJSON("b", spec: spec, apiVersion: apiVersion)).first
    }

    @Test func readsThePDBOfTheReferenceVerbatim() throws {
        let text = try SnapshotFixtures.text("kubeadm-pdb.json")
        let document = try KubeTreeDecoder.decode(KubeDocument.self, from: JSONReader.parse(text, file: "f"))
        guard case .podDisruptionBudget(let budget)? = document.objects.first, document.objects.count == 1 else {
            Issue.record("expected one PodDisruptionBudget, got \(document.objects)")
            return
        }
        #expect(!document.isList)
        #expect(
            budget.disruptionBudget
                == DisruptionBudget(
                    namespace: "default", name: "web-pdb", selector: LabelSelector(matchLabels: ["app": "web"]),
                    minAvailable: .count(2), unhealthyPodEvictionPolicy: .alwaysAllow, generation: 1,
                    observedGeneration: 1, currentHealthy: 2, desiredHealthy: 2, disruptionsAllowed: 0,
                    expectedPods: 2))
    }

    @Test func readsEveryStatusNumberAndTheGenerations() throws {
        let json = #"""
            {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
             "metadata": {"name": "es", "namespace": "logging", "generation": 4},
             "spec": {"maxUnavailable": 1, "selector": {"matchLabels": {"app": "es"}}},
             "status": {"observedGeneration": 3, "currentHealthy": 2, "desiredHealthy": 2, "disruptionsAllowed": 0,
                        "expectedPods": 3, "disruptedPods": {"es-1": "2025-05-20T09:59:00Z"}}}
            """#
        #expect(
            try budgets(json)
                == [
                    DisruptionBudget(
                        namespace: "logging", name: "es", selector: LabelSelector(matchLabels: ["app": "es"]),
                        maxUnavailable: .count(1), generation: 4, observedGeneration: 3, currentHealthy: 2,
                        desiredHealthy: 2, disruptionsAllowed: 0, expectedPods: 3)
                ])
    }

    @Test func aPDBWithoutStatusHasGosZeroValuesSoItIsNotYetProcessed() throws {
        let fresh = try #require(try SnapshotFixtures.load("absent-fields.json").state.budgets.first)
        #expect(
            fresh
                == DisruptionBudget(
                    namespace: "apps", name: "fresh", selector: nil, generation: 1, observedGeneration: 0,
                    currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0))
        #expect(try budget("{}")?.generation == 0)
    }

    @Test func readsCountsAndPercentagesOfIntOrString() throws {
        let budgets = try SnapshotFixtures.load("int-or-string.json").state.budgets
        let amounts = budgets.map {
            "\($0.name) \($0.minAvailable?.description ?? "-") \($0.maxUnavailable?.description ?? "-")"
        }
        #expect(
            amounts == ["count 2 -", "percent 50% -", "zero - 0", "zero-percent - 0%", "all 100% -", "neither - -"])
        #expect(budgets[0].minAvailable == .count(2) && budgets[1].minAvailable == .percent(50))
        #expect(budgets[3].maxUnavailable == .percent(0) && budgets[2].maxUnavailable == .count(0))
    }

    @Test func treatsANullAmountAsAbsent() throws {
        #expect(try budget(#"{"minAvailable": null, "maxUnavailable": 1}"#)?.minAvailable == nil)
    }

    @Test(arguments: [
        ("true", "found true"),
        (#""2""#, #"found "2" (a string must end in % to be a percentage; write 2 without quotes for a count)"#),
        ("-1", "found -1 (a count cannot be negative)"),
        ("2.5", "found 2.5"),
        (#""150%""#, #"found "150%" (a percentage cannot be more than 100%)"#),
        (#""50 %""#, #"found "50 %" (a percentage is whole digits followed by %)"#),
        (#""%""#, #"found "%" (a percentage is whole digits followed by %)"#),
        (#""-5%""#, #"found "-5%" (a percentage is whole digits followed by %)"#),
        (#""-2""#, #"found "-2" (a percentage is whole digits followed by %)"#),
        (#""half""#, #"found "half" (a percentage is whole digits followed by %)"#),
        ("[1]", "found a list"),
        ("{}", "found an empty object"),
    ])
    func refusesWhatTheAPIServerWouldRefuseAsIntOrString(value: String, found: String) throws {
        let error = snapshotError(listWithNode(budgetJSON("web", spec: #"{"minAvailable": \#(value)}"#)))
        guard case .wrongShape(let location, let path, let problem)? = error else {
            Issue.record("expected .wrongShape, got \(message(error))")
            return
        }
        #expect(path == "items[1].spec.minAvailable")
        #expect(problem == #"expected an integer or a percentage like "50%", "# + found)
        #expect(location.line == 2)
    }

    @Test func refusesBadMaxUnavailableByItsOwnPath() {
        let error = snapshotError(listWithNode(budgetJSON("web", spec: #"{"maxUnavailable": "1"}"#)))
        #expect(
            message(error).contains(#"items[1].spec.maxUnavailable: expected an integer or a percentage like "50%""#))
    }

    @Test func matchesPodsWithMatchLabelsAndEveryMatchExpressionOperator() throws {
        let state = try SnapshotFixtures.load("selectors.json").state
        let api = try #require(state.budgets.first { $0.name == "api" })
        #expect(
            api.selector
                == LabelSelector(
                    matchLabels: ["tier": "backend"],
                    matchExpressions: [
                        .init(key: "app", operator: .in, values: ["api", "api-v2"]),
                        .init(key: "track", operator: .notIn, values: ["canary"]),
                        .init(key: "tier", operator: .exists),
                        .init(key: "legacy", operator: .doesNotExist),
                    ]))
        func covered(by name: String) -> [String] {
            let budget = state.budgets.first { $0.name == name }
            return state.pods.filter { budget?.covers($0) == true }.map(\.name)
        }
        #expect(covered(by: "api") == ["api-stable"])
        #expect(covered(by: "everything") == ["api-stable", "api-canary", "api-legacy"])
        #expect(covered(by: "nothing") == [])
    }

    @Test func refusesAnUnknownSelectorOperatorByName() {
        let spec = #"{"selector": {"matchExpressions": [{"key": "app", "operator": "Equals", "values": ["a"]}]}}"#
        let error = snapshotError(listWithNode(budgetJSON("web", spec: spec)))
        #expect(
            message(error)
                == #"test.json:2:180: items[1].spec.selector.matchExpressions[0].operator: "#
                + #"expected In, NotIn, Exists or DoesNotExist, found "Equals""#)
    }

    @Test func requiresTheKeyOfASelectorRequirement() {
        let spec = #"{"selector": {"matchExpressions": [{"operator": "Exists"}]}}"#
        #expect(
            message(snapshotError(listWithNode(budgetJSON("web", spec: spec))))
                == "test.json:2:153: items[1].spec.selector.matchExpressions[0].key: required field is missing")
    }

    @Test func aV1beta1EmptySelectorSelectsNoPodsWhereV1SelectsThemAll() throws {
        let state = try SnapshotFixtures.load("v1beta1.json").state
        let pod = try #require(state.pods.first)
        let covering = state.budgets.filter { $0.covers(pod) }.map(\.name)
        #expect(
            covering == ["by-label", "v1-empty-seen-through-v1beta1", "v1-empty"],
            "v1beta1 {} and the apiserver's v1 stand-in for it select nothing")
        #expect(state.budgets.first { $0.name == "empty-selector" }?.selector == nil)
        #expect(state.budgets.first { $0.name == "empty-members" }?.selector == nil)
        #expect(state.budgets.first { $0.name == "v1-empty" }?.selector == LabelSelector())
    }

    @Test func aV1beta1BudgetListImpliesTheVersionOfItsItems() throws {
        let json = #"""
            {"apiVersion": "v1", "kind": "List", "items": [
              {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n1"}},
              {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "shop"}}]}
            """#
        let pod = try #require(try decodeSnapshot(json).state.pods.first)
        let list = #"""
            {"apiVersion": "policy/v1beta1", "kind": "PodDisruptionBudgetList", "items": [
              {"metadata": {"name": "old", "namespace": "shop"}, "spec": {"minAvailable": 1, "selector": {}}}]}
            """#
        let document = try KubeTreeDecoder.decode(KubeDocument.self, from: JSONReader.parse(list, file: "f"))
        guard case .podDisruptionBudget(let budget)? = document.objects.first else {
            Issue.record("expected a PodDisruptionBudget, got \(document.objects)")
            return
        }
        #expect(budget.apiVersion == "policy/v1beta1")
        #expect(!budget.disruptionBudget.covers(pod))
    }

    @Test(arguments: [
        (#""AlwaysAllow""#, DisruptionBudget.UnhealthyPodEvictionPolicy.alwaysAllow),
        (#""IfHealthyBudget""#, .ifHealthyBudget), ("null", .ifHealthyBudget),
        (#""SometimesAllow""#, .ifHealthyBudget),
    ])
    func readsTheUnhealthyPodEvictionPolicyAndDistrustsUnknownOnes(
        value: String, policy: DisruptionBudget.UnhealthyPodEvictionPolicy
    ) throws {
        #expect(try budget(#"{"unhealthyPodEvictionPolicy": \#(value)}"#)?.unhealthyPodEvictionPolicy == policy)
    }

    @Test func aPDBWithoutANamespaceIsInDefault() throws {
        let json = #"{"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": {"name": "b"}}"#
        #expect(try budgets(json).first?.namespace == "default")
    }
}
