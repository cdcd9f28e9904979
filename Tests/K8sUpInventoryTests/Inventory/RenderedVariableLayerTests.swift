import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// A pre-rendered group layer with a host's own vars written over it must give exactly the bytes of
/// writing the merged mapping whole: same order, same key spellings, same separators.
@Suite struct RenderedVariableLayerTests {
    /// Keys that collide in interesting ways: `1`, `true` and `1.0` are one Python key with different
    /// spellings; `"1"` is another key with the same text as `1`; `""`, `"é"` and `"null"` sort at the ends.
    static let keyPool: [DataValue] = [
        "a", "b", "m", "z", "1", .int(1), .bool(true), .float(1.0), "10", .int(2), .null, "null", "é", "", "Z",
    ]
    static let valuePool: [DataValue] = [
        "text", 7, 2.5, true, nil, ["list", 1], ["nested": ["deep": "x"], "other": []], [:], "é\n\"",
    ]

    func written(_ layer: DataMapping, own: DataMapping, depth: Int) -> (actual: [UInt8], expected: [UInt8]) {
        var expected = PythonJSONOutput(format: .ansibleInventory)
        expected.write(.mapping(layer.merging(own)), depth: depth)
        var actual = PythonJSONOutput(format: .ansibleInventory)
        RenderedVariableLayer(layer, depth: depth).write(own: own, into: &actual)
        return (actual.bytes, expected.bytes)
    }

    func mapping(_ entries: [(DataValue, DataValue)]) -> DataMapping {
        var mapping = DataMapping()
        for (key, value) in entries { mapping[key] = value }
        return mapping
    }

    @Test func overridesKeepTheLayersSpellingAndNewKeysGoAfterEqualTexts() {
        let layer = mapping([(.int(1), "layer-one"), ("b", "layer-b"), ("a", "layer-a")])
        let own = mapping([(.float(1.0), "own-one"), ("1", "own-string-one"), ("0", "first"), ("zz", "last")])
        let result = written(layer, own: own, depth: 3)
        #expect(result.actual == result.expected)
        let text = String(decoding: result.actual, as: UTF8.self)
        #expect(text.contains(#""1": "own-one""#))
        #expect(!text.contains("1.0"))
        #expect(
            text.firstRange(of: "own-one")?.lowerBound ?? text.endIndex
                < text.firstRange(of: "own-string-one")?.lowerBound ?? text.startIndex)
    }

    @Test func emptyLayersAndEmptyOwnVarsWriteTheSameAsAWholeMapping() {
        let some = mapping([("k", "v"), ("a", 1)])
        for (layer, own) in [(DataMapping(), DataMapping()), (some, DataMapping()), (DataMapping(), some)] {
            for depth in [0, 3] {
                let result = written(layer, own: own, depth: depth)
                #expect(result.actual == result.expected)
            }
        }
    }

    @Test func replacingOrPrecedingTheFirstEntryStillWritesNoLeadingComma() {
        let layer = mapping([("b", 1), ("c", 2)])
        for own in [mapping([("b", 9)]), mapping([("a", 9)]), mapping([("a", 9), ("b", 8), ("c", 7), ("d", 6)])] {
            let result = written(layer, own: own, depth: 3)
            #expect(result.actual == result.expected)
            #expect(!String(decoding: result.actual, as: UTF8.self).hasPrefix("{,"))
        }
    }

    @Test func agreesWithTheWholeMappingOnManyGeneratedLayers() {
        var random = SplitMix(seed: 16)
        for _ in 0..<2_000 {
            let layer = mapping((0..<random.next(below: 8)).map { _ in random.entry() })
            let own = mapping((0..<random.next(below: 5)).map { _ in random.entry() })
            let result = written(layer, own: own, depth: random.next(below: 4))
            #expect(result.actual == result.expected, "layer \(layer), own \(own)")
            if result.actual != result.expected { return }
        }
    }

    /// A small deterministic generator, so a failure repeats.
    struct SplitMix {
        var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next(below bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((mixed ^ (mixed >> 31)) % UInt64(bound))
        }

        mutating func entry() -> (DataValue, DataValue) {
            (keyPool[next(below: keyPool.count)], valuePool[next(below: valuePool.count)])
        }
    }
}
