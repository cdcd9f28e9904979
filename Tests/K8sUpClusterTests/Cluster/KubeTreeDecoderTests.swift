import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `KubeTreeDecoder`: Decodable over JSONReader's tree, with errors that say what was expected and found
/// and carry the JSON path.
@Suite struct KubeTreeDecoderTests {
    struct Sample: Decodable, Equatable {
        struct Inner: Decodable, Equatable {
            var name: String
            var weight: Double?
        }

        var text: String
        var count: Int
        var flag: Bool
        var small: Int32?
        var tags: [String]?
        var labels: [String: String]?
        var inner: Inner?
        var items: [Inner]?
    }

    func decode<Value: Decodable>(_ type: Value.Type, _ json: String) throws -> Value {
        try KubeTreeDecoder.decode(type, from: JSONReader.parse(json, file: "t.json"))
    }

    /// The `DecodingError` decoding `json` as `Sample` throws, as (path, description).
    func failure<Value: Decodable>(_ type: Value.Type = Sample.self, _ json: String) -> (path: String, message: String)?
    {
        do {
            _ = try decode(type, json)
            return nil
        } catch let error as DecodingError {
            switch error {
            case .keyNotFound(let key, let context):
                return (KubeJSONPath(codingPath: context.codingPath + [key]).description, context.debugDescription)
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                return (KubeJSONPath(codingPath: context.codingPath).description, context.debugDescription)
            @unknown default:
                return nil
            }
        } catch {
            return ("", "\(error)")
        }
    }

    @Test func decodesScalarsListsObjectsAndOptionals() throws {
        let json = #"""
            {"text": "héllo", "count": 3, "flag": true, "small": -7, "tags": ["a", "b"],
             "labels": {"node-role.kubernetes.io/control-plane": ""}, "inner": {"name": "x", "weight": 2},
             "items": [{"name": "y", "weight": 0.5}]}
            """#
        let sample = try decode(Sample.self, json)
        #expect(
            sample
                == Sample(
                    text: "héllo", count: 3, flag: true, small: -7, tags: ["a", "b"],
                    labels: ["node-role.kubernetes.io/control-plane": ""], inner: .init(name: "x", weight: 2),
                    items: [.init(name: "y", weight: 0.5)]))
    }

    @Test func ignoresMembersItDoesNotKnow() throws {
        let sample = try decode(Sample.self, #"{"text": "", "count": 0, "flag": false, "new": {"x": [1, null]}}"#)
        #expect(sample.tags == nil && sample.inner == nil)
    }

    @Test func treatsNullAsAbsentForOptionalFields() throws {
        let sample = try decode(Sample.self, #"{"text": "", "count": 0, "flag": false, "tags": null, "inner": null}"#)
        #expect(sample.tags == nil && sample.inner == nil)
    }

    @Test(arguments: [
        (#"{"text": 3, "count": 0, "flag": true}"#, "text", "expected a string, found 3"),
        (#"{"text": "", "count": 2.5, "flag": true}"#, "count", "expected an integer, found 2.5"),
        (#"{"text": "", "count": "2", "flag": true}"#, "count", #"expected an integer, found "2""#),
        (#"{"text": "", "count": 1, "flag": "yes"}"#, "flag", #"expected true or false, found "yes""#),
        (#"{"text": "", "count": 1, "flag": true, "inner": []}"#, "inner", "expected an object, found an empty list"),
        (#"{"text": "", "count": 1, "flag": true, "tags": {"a": 1}}"#, "tags", "expected a list, found an object"),
        (#"{"text": "", "count": 1, "flag": true, "tags": ["a", 1]}"#, "tags[1]", "expected a string, found 1"),
        (
            #"{"text": "", "count": 1, "flag": true, "items": [{"name": "a"}, {"name": false}]}"#, "items[1].name",
            "expected a string, found false"
        ),
        (
            #"{"text": "", "count": 1, "flag": true, "inner": {"name": "a", "weight": "heavy"}}"#, "inner.weight",
            #"expected a number, found "heavy""#
        ),
        (
            #"{"text": "", "count": 1, "flag": true, "labels": {"a.b/c": 1}}"#, #"labels["a.b/c"]"#,
            "expected a string, found 1"
        ),
        (
            #"{"text": "", "count": 1, "flag": true, "labels": {"1": null}}"#, #"labels["1"]"#,
            "expected a string, found null"
        ),
        (#"{"text": null, "count": 1, "flag": true}"#, "text", "expected a string, found null"),
        (
            #"{"text": "", "count": 99999999999999999999, "flag": true}"#, "count",
            "expected an integer, found 99999999999999999999 "
                + "(outside the range -9223372036854775808...9223372036854775807)"
        ),
        (
            #"{"text": "", "count": 1, "flag": true, "small": 4294967296}"#, "small",
            "expected an integer, found 4294967296 (outside the range -2147483648...2147483647)"
        ),
        (#"{"count": 1, "flag": true}"#, "text", "required field is missing"),
        (#"{"text": "", "count": 1, "flag": true, "inner": {}}"#, "inner.name", "required field is missing"),
        ("[1]", "", "expected an object, found a list"),
    ])
    func saysWhatWasExpectedAndFoundWhere(json: String, path: String, message: String) {
        let result = failure(Sample.self, json)
        #expect(result?.path == path)
        #expect(result?.message == message)
    }

    @Test func describesLongStringsShortenedAndSpecialFloats() throws {
        let long = String(repeating: "x", count: 80)
        #expect(
            failure(Int.self, "\"\(long)\"")?.message
                == "expected an integer, found \"\(String(repeating: "x", count: 57))...\"")
        #expect(failure(Int.self, "NaN")?.message == "expected an integer, found NaN")
        #expect(failure(Int.self, "-Infinity")?.message == "expected an integer, found -Infinity")
        #expect(failure(Int.self, #""line\nbreak""#)?.message == #"expected an integer, found "line\nbreak""#)
    }

    @Test func decodesTopLevelScalarsAndLists() throws {
        #expect(try decode([Int].self, "[1, 2, 3]") == [1, 2, 3])
        #expect(try decode(String.self, #""v1""#) == "v1")
        #expect(try decode([String: [Bool]].self, #"{"a": [true]}"#) == ["a": [true]])
        #expect(try decode(Double.self, "1e3") == 1000)
    }

    @Test func keepsTheLastOfRepeatedKeysAsGoAndPythonDo() throws {
        #expect(try decode([String: Int].self, #"{"a": 1, "a": 2}"#) == ["a": 2])
    }
}
