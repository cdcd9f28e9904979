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

/// k8sim's own label-selector matching, operator by operator, and how it reads selectors from
/// objects and from `labelSelector=` queries.
@Suite struct SimLabelSelectorTests {
    let web: [String: String] = ["app": "web", "tier": "front"]
    let unlabelled: [String: String] = [:]

    func requirement(_ op: SimLabelSelector.Requirement.Operator, _ values: [String] = []) -> SimLabelSelector {
        SimLabelSelector(matchExpressions: [.init(key: "app", operator: op, values: values)])
    }

    @Test func emptySelectorSelectsEverything() {
        #expect(SimLabelSelector().matches(web))
        #expect(SimLabelSelector().matches(unlabelled))
    }

    @Test func matchLabelsNeedsEveryPair() {
        #expect(SimLabelSelector(matchLabels: ["app": "web"]).matches(web))
        #expect(SimLabelSelector(matchLabels: ["app": "web", "tier": "front"]).matches(web))
        #expect(!SimLabelSelector(matchLabels: ["app": "web", "tier": "back"]).matches(web))
        #expect(!SimLabelSelector(matchLabels: ["app": "web"]).matches(unlabelled))
    }

    @Test func inNeedsTheLabelWithOneOfTheValues() {
        #expect(requirement(.in, ["db", "web"]).matches(web))
        #expect(!requirement(.in, ["db"]).matches(web))
        #expect(!requirement(.in, ["web"]).matches(unlabelled))
    }

    @Test func notInHoldsWhenTheLabelIsMissingOrHasNoneOfTheValues() {
        #expect(!requirement(.notIn, ["web"]).matches(web))
        #expect(requirement(.notIn, ["db"]).matches(web))
        #expect(requirement(.notIn, ["web"]).matches(unlabelled))
    }

    @Test func existsAndDoesNotExistLookOnlyAtTheKey() {
        #expect(requirement(.exists).matches(web))
        #expect(requirement(.exists).matches(["app": ""]))
        #expect(!requirement(.exists).matches(unlabelled))
        #expect(!requirement(.doesNotExist).matches(web))
        #expect(requirement(.doesNotExist).matches(unlabelled))
    }

    @Test func labelsAndExpressionsMustAllHold() {
        let selector = SimLabelSelector(
            matchLabels: ["tier": "front"], matchExpressions: [.init(key: "app", operator: .in, values: ["web"])])
        #expect(selector.matches(web))
        #expect(!selector.matches(["app": "web", "tier": "back"]))
        #expect(!selector.matches(["tier": "front"]))
    }

    @Test func objectSelectorsAreRead() throws {
        let full: DataValue = [
            "matchLabels": ["tier": "front"],
            "matchExpressions": [["key": "app", "operator": "NotIn", "values": ["db"]]],
        ]
        let selector = try #require(SelectorParsing.selector(full))
        #expect(selector.matchLabels == ["tier": "front"])
        #expect(selector.matchExpressions == [.init(key: "app", operator: .notIn, values: ["db"])])
        #expect(SelectorParsing.selector(["app": "web"]) == SimLabelSelector(matchLabels: ["app": "web"]))
        #expect(SelectorParsing.selector([:]) == SimLabelSelector())
        let unknown: DataValue = ["matchExpressions": [["key": "app", "operator": "Near"]]]
        #expect(SelectorParsing.selector(unknown) == nil)
    }

    @Test func querySelectorsAreRead() throws {
        let selector = try #require(SelectorParsing.query("tier=front,app notin (db,cache),!legacy,owner"))
        #expect(selector.matches(["tier": "front", "app": "web", "owner": "me"]))
        #expect(!selector.matches(["tier": "front", "app": "db", "owner": "me"]))
        #expect(!selector.matches(["tier": "front", "app": "web", "owner": "me", "legacy": "yes"]))
        #expect(!selector.matches(["tier": "front", "app": "web"]))
        let inequality = try #require(SelectorParsing.query("app!=web"))
        #expect(inequality.matches(unlabelled))
        #expect(!inequality.matches(web))
        #expect(SelectorParsing.query("app in db") == nil)
    }
}
