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

/// The Eviction API's decisions, case by case.
@Suite struct EvictionRulesTests {
    let pod = EvictionRules.Pod(name: "web-1", namespace: "default", labels: ["app": "web"])

    func budget(
        _ name: String = "web-pdb", allowed: Int = 1, current: Int = 3, desired: Int = 2, policy: String? = nil,
        selector: SimLabelSelector? = SimLabelSelector(matchLabels: ["app": "web"])
    ) -> EvictionRules.Budget {
        EvictionRules.Budget(
            name: name, namespace: "default", selector: selector, disruptionsAllowed: allowed, currentHealthy: current,
            desiredHealthy: desired, unhealthyPodEvictionPolicy: policy)
    }

    @Test(arguments: ["Succeeded", "Failed", "Pending"])
    func finishedAndPendingPodsAreDeletedWithoutBudget(phase: String) {
        var pod = pod
        pod.phase = phase
        #expect(EvictionRules.decide(pod: pod, budgets: [budget(allowed: 0)]) == .delete)
    }

    @Test func terminatingPodsAreDeletedWithoutBudget() {
        var pod = pod
        pod.terminating = true
        #expect(EvictionRules.decide(pod: pod, budgets: [budget(allowed: 0), budget("other", allowed: 0)]) == .delete)
    }

    @Test func noMatchingBudgetAllows() {
        let other = budget(selector: SimLabelSelector(matchLabels: ["app": "db"]))
        #expect(EvictionRules.decide(pod: pod, budgets: [other]) == .delete)
        #expect(EvictionRules.decide(pod: pod, budgets: []) == .delete)
    }

    @Test func budgetsOfOtherNamespacesDoNotCount() {
        var elsewhere = budget(allowed: 0)
        elsewhere.namespace = "prod"
        #expect(EvictionRules.decide(pod: pod, budgets: [elsewhere]) == .delete)
    }

    @Test func absentSelectorSelectsNoneEmptySelectsAll() {
        #expect(EvictionRules.decide(pod: pod, budgets: [budget(allowed: 0, selector: nil)]) == .delete)
        guard
            case .refuse(let status) = EvictionRules.decide(
                pod: pod, budgets: [budget(allowed: 0, selector: SimLabelSelector())])
        else {
            Issue.record("an empty selector must select the pod")
            return
        }
        #expect(status.code == 429)
    }

    @Test func matchExpressionsSelect() {
        let expressions = SimLabelSelector(matchExpressions: [.init(key: "app", operator: .in, values: ["web", "api"])])
        let missing = SimLabelSelector(matchExpressions: [.init(key: "tier", operator: .doesNotExist)])
        let notIn = SimLabelSelector(matchExpressions: [.init(key: "app", operator: .notIn, values: ["web"])])
        let exists = SimLabelSelector(matchExpressions: [.init(key: "app", operator: .exists)])
        #expect(EvictionRules.decide(pod: pod, budgets: [budget(allowed: 0, selector: expressions)]) != .delete)
        #expect(EvictionRules.decide(pod: pod, budgets: [budget(allowed: 0, selector: missing)]) != .delete)
        #expect(EvictionRules.decide(pod: pod, budgets: [budget(allowed: 0, selector: exists)]) != .delete)
        #expect(EvictionRules.decide(pod: pod, budgets: [budget(allowed: 0, selector: notIn)]) == .delete)
    }

    @Test func twoBudgetsAre500WhateverTheyAllow() {
        let decision = EvictionRules.decide(pod: pod, budgets: [budget(allowed: 5), budget("second", allowed: 5)])
        guard case .refuse(let status) = decision else {
            Issue.record("expected a refusal, got \(decision)")
            return
        }
        #expect(status.code == 500)
        #expect(
            SimJSONWriter.compact(status.object)
                == #"{"apiVersion": "v1", "code": 500, "kind": "Status", "message": "This pod has more than one "#
                + #"PodDisruptionBudget, which the eviction subresource does not support.", "metadata": {}, "status": "Failure"}"#
        )
    }

    @Test func readyPodWithDisruptionsLeftConsumesOne() {
        #expect(EvictionRules.decide(pod: pod, budgets: [budget(allowed: 1)]) == .deleteConsuming(budget: "web-pdb"))
    }

    @Test func zeroDisruptionsIs429WithTheBudgetCause() {
        let decision = EvictionRules.decide(pod: pod, budgets: [budget(allowed: 0, current: 2, desired: 2)])
        guard case .refuse(let status) = decision else {
            Issue.record("expected a refusal, got \(decision)")
            return
        }
        #expect(
            SimJSONWriter.compact(status.object)
                == #"{"apiVersion": "v1", "code": 429, "details": {"causes": [{"message": "The disruption budget web-pdb "#
                + #"needs 2 healthy pods and has 2 currently", "reason": "DisruptionBudget"}]}, "kind": "Status", "#
                + #""message": "Cannot evict pod as it would violate the pod's disruption budget.", "metadata": {}, "#
                + #""reason": "TooManyRequests", "status": "Failure"}"#)
    }

    @Test func staleObservedGenerationIs429StillProcessing() {
        var stale = budget(allowed: 3)
        stale.generation = 2
        guard case .refuse(let status) = EvictionRules.decide(pod: pod, budgets: [stale]) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(status.code == 429)
        #expect(
            status.causes == [
                .init(
                    reason: "DisruptionBudget",
                    message: "The disruption budget web-pdb is still being processed by the server.")
            ])
        #expect(status.retryAfterSeconds == 10)
    }

    @Test func negativeDisruptionsIs403() {
        guard case .refuse(let status) = EvictionRules.decide(pod: pod, budgets: [budget(allowed: -1)]) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(status.code == 403)
        #expect(status.reason == "Forbidden")
        #expect(
            status.message == #"poddisruptionbudget.policy "web-pdb" is forbidden: pdb disruptions allowed is negative"#
        )
    }

    @Test func unreadyPodWithAlwaysAllowSkipsTheBudget() {
        var unready = pod
        unready.ready = false
        #expect(
            EvictionRules.decide(pod: unready, budgets: [budget(allowed: 0, current: 0, policy: "AlwaysAllow")])
                == .delete)
    }

    @Test(arguments: [nil, "IfHealthyBudget"])
    func unreadyPodWithHealthyBudgetIsDeletedWithoutDecrement(policy: String?) {
        var unready = pod
        unready.ready = false
        #expect(
            EvictionRules.decide(pod: unready, budgets: [budget(allowed: 0, current: 2, desired: 2, policy: policy)])
                == .delete)
    }

    @Test func unreadyPodWithUnhealthyBudgetFallsThroughToTheBudget() {
        var unready = pod
        unready.ready = false
        let decision = EvictionRules.decide(pod: unready, budgets: [budget(allowed: 0, current: 1, desired: 2)])
        guard case .refuse(let status) = decision else {
            Issue.record("expected a refusal, got \(decision)")
            return
        }
        #expect(status.code == 429)
        // desiredHealthy 0 never counts as a healthy budget.
        let zero = EvictionRules.decide(pod: unready, budgets: [budget(allowed: 1, current: 0, desired: 0)])
        #expect(zero == .deleteConsuming(budget: "web-pdb"))
    }
}
