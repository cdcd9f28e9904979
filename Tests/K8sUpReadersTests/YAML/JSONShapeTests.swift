import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Reading JSON through a shape: only the named members are built, the rest is skipped but checked with
/// the same rules, messages and places as a whole parse.
@Suite struct JSONShapeTests {
    private static let shape = JSONShape.object([
        "keep": .all,
        "list": .list(.object(["name": .all])),
        "map": .object(.init(["wanted": .all]), others: .keptUnlessStrings),
    ])

    private func pruned(_ text: String) throws -> YAMLNode {
        try JSONReader.parse(text, file: "t.json", keeping: Self.shape)
    }

    private func error(_ text: String, _ shape: JSONShape) -> YAMLError? {
        do {
            _ = try JSONReader.parse(text, file: "t.json", keeping: shape)
            return nil
        } catch {
            return error
        }
    }

    @Test func keepsOnlyTheNamedMembersWithTheirPlaces() throws {
        let text = """
            {"skip": {"a": [1, 2.5, "x\\n", null, true]}, "keep": {"b": 1},
              "list": [{"name": "n1", "other": 3}, 7, {"other": {}}],
              "map": {"s": "text", "n": 4, "wanted": "yes"}}
            """
        let node = try pruned(text)
        #expect(node.value == ["keep": ["b": 1], "list": [["name": "n1"], 7, [:]], "map": ["n": 4, "wanted": "yes"]])
        let whole = try JSONReader.parse(text, file: "t.json")
        #expect(node["keep"]?.location == whole["keep"]?.location)
        #expect(node["list"]?.sequenceItems?[1].location == whole["list"]?.sequenceItems?[1].location)
        #expect(node.mappingEntries?.first?.key.location == whole.mappingEntries?[1].key.location)
        #expect(node["map"]?["n"]?.location == SourceLocation(file: "t.json", line: 3, column: 29))
    }

    @Test func aValueOfAnotherTypeThanTheShapeIsKeptWhole() throws {
        #expect(
            try pruned(#"{"list": {"name": 1, "x": 2}, "map": [1, {"y": 2}]}"#).value == [
                "list": ["name": 1, "x": 2], "map": [1, ["y": 2]],
            ])
    }

    @Test func membersAreFoundByNameAlsoWhenTheNameHasEscapes() throws {
        let node = try pruned(#"{"k\u0065ep": "caf\u00e9 \ud83d\ude00", "sk\u0069p": "\u00e9"}"#)
        #expect(node.value == ["keep": "café 😀"])
    }

    @Test func aRepeatedMemberKeepsItsFirstPositionAndLastValue() throws {
        let node = try pruned(#"{"keep": 1, "list": [], "keep": 2, "map": {"n": 1, "n": "now a string"}}"#)
        #expect(node.mappingEntries?.compactMap(\.key.stringValue) == ["keep", "list", "map"])
        #expect(node.value == ["keep": 2, "list": [], "map": ["n": "now a string"]])
    }

    /// Broken JSON inside a skipped member fails as it does when everything is kept: same message, same place.
    @Test func aMappedFileReadsTheSameAfterItsPagesAreReleased() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/bytes"
        let bytes = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let file = try MappedFile(path: path)
        #expect(Array(file.bytes) == bytes)
        file.releasePages(before: 2_000_000)
        file.releasePages(before: 10_000_000)
        #expect(Array(file.bytes) == bytes)
        #expect(throws: MappedFile.Failure.self) { try MappedFile(path: directory + "/absent") }
    }

    @Test(arguments: [
        #"{"skip": [1 2]}"#, #"{"skip": {"a" 1}}"#, #"{"skip": {"a": 1,}}"#, #"{"skip": [01]}"#,
        "{\"skip\": \"a\tb\"}", #"{"skip": "\x41"}"#, #"{"skip": "\u12"}"#, #"{"skip": "\ud800x"}"#,
        #"{"skip": [tru]}"#, #"{"skip": -}"#, #"{"skip": {1: 2}}"#, "{\"skip\": \"unterminated", "{\"skip\": [\n\n",
        #"{"skip": [1]} [2]"#, #"{"skip": [nan]}"#, "{\"skip\":\n [1,\n  2 3]}", #"{"skip": [1], "keep": }"#,
        "{\"skip\": " + String(repeating: "9", count: 4301) + "}",
    ])
    func brokenSkippedPartsFailAsWhenKept(text: String) throws {
        let whole = try #require(error(text, .all))
        #expect(error(text, Self.shape) == whole)
    }

    @Test func skippedPartsTakeAnyValidJSON() throws {
        let skipped =
            #"{"a": [1, -2.5e-3, 1E+400, -0, NaN, Infinity, -Infinity, true, false, null, "\"\\\/\b\f\n\r\t"], "b": {}}"#
        #expect(try pruned("{\"skip\": \(skipped), \"keep\": 1}").value == ["keep": 1])
    }

    @Test func nestingInSkippedPartsIsLimitedAsInKeptOnes() throws {
        let depth = JSONReader.maximumDepth - 1
        let deep = String(repeating: "[{\"a\": ", count: depth / 2) + "1" + String(repeating: "}]", count: depth / 2)
        #expect(try pruned("{\"skip\": \(deep), \"keep\": 2}").value == ["keep": 2])
        let tooDeep =
            "{\"skip\": " + String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1)
            + "}"
        let expected = try #require(error(tooDeep, .all))
        #expect(expected.message.contains("nested more than"))
        #expect(error(tooDeep, Self.shape) == expected)
    }

    @Test func ansibleSpecialMembersAreNeverSkipped() throws {
        #expect(
            try pruned(#"{"keep": {"__ansible_unsafe": "x"}, "map": {"__ansible_unsafe": "y"}}"#).value == [
                "keep": ["__ansible_unsafe": "x"], "map": ["__ansible_unsafe": "y"],
            ])
        #expect(try pruned(#"{"map": {"__ansible_unsafe": "y"}}"#)["map"]?.content == .unsafeString("y"))
        #expect(error(#"{"map": {"__ansible_type": "x"}}"#, Self.shape) != nil)
    }

    @Test(
        arguments: [
            [0x41, 0xC3, 0xA9], [0xF0, 0x9F, 0x98, 0x80], [0xE2, 0x82, 0xAC], [0xED, 0x9F, 0xBF],
            [0xF4, 0x8F, 0xBF, 0xBF],
            [0xC3], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x80, 0x80, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xE2, 0x82], [0xE2, 0x28, 0xA1], [0xFF],
            Array("0123456789abcdef\u{e9}0123456789".utf8), Array(repeating: 0x61, count: 17) + [0xC3],
        ] as [[UInt8]])
    func utf8ValidationAgreesWithTheStandardLibrary(bytes: [UInt8]) {
        let expected = String(validating: bytes, as: UTF8.self) != nil
        #expect(bytes.withUnsafeBufferPointer(UTF8Validation.isValid) == expected)
    }
}
