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

/// The layout of the fake apiserver's JSON bodies.
@Suite struct SimJSONWriterTests {
    @Test func sortsKeysAndSeparatesLikeTheBodiesTestsRead() {
        let status: DataValue = [
            "status": "Failure", "kind": "Status", "code": 404,
            "details": ["name": "nope", "kind": "nodes"], "metadata": [:], "items": [1, true, nil, 2.5],
        ]
        #expect(
            SimJSONWriter.compact(status)
                == #"{"code": 404, "details": {"kind": "nodes", "name": "nope"}, "items": [1, true, null, 2.5], "#
                + #""kind": "Status", "metadata": {}, "status": "Failure"}"#)
    }

    @Test func escapesQuotesControlsAndEverythingBeyondASCII() {
        #expect(SimJSONWriter.compact("a\"b\\c\nd\te\u{1}") == #""a\"b\\c\nd\te\u0001""#)
        #expect(SimJSONWriter.compact("é😀\u{7f}") == #""\u00e9\ud83d\ude00\u007f""#)
    }

    @Test func sortsKeysByCodePoint() {
        #expect(SimJSONWriter.compact(["b": 1, "B": 2, "a": 3, "é": 4]) == #"{"B": 2, "a": 3, "b": 1, "\u00e9": 4}"#)
    }
}
