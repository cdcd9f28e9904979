import K8sUpTestSupport
import Testing

@testable import K8sUpSupport
@testable import PythonParity

@Suite struct PythonJSONWriterTests {
    @Test func printsNestedValuesLikePythonJsonDumpsWithIndentFourAndSortedKeys() {
        let value: DataValue = ["b": [1, 2.5, nil], "a": ["x": true, "y": "é\n"], "c": [], "d": [:]]
        let expected = """
            {
                "a": {
                    "x": true,
                    "y": "\\u00e9\\n"
                },
                "b": [
                    1,
                    2.5,
                    null
                ],
                "c": [],
                "d": {}
            }
            """
        #expect(PythonJSONWriter.pretty(value) == expected)
    }

    @Test(arguments: [
        (1e16, "1e+16"), (1e15, "1000000000000000.0"), (0.0001, "0.0001"), (0.00001, "1e-05"),
        (100.0, "100.0"), (-0.0, "-0.0"), (1.5e300, "1.5e+300"), (123.456, "123.456"), (0.1, "0.1"),
        (Double.leastNonzeroMagnitude, "5e-324"), (1234567890123456.7, "1234567890123456.8"),
    ])
    func formatsFloatsLikePythonRepr(value: Double, expected: String) {
        #expect(PythonFloatFormat.repr(value) == expected)
    }

    @Test func escapesAstralCharactersAsSurrogatePairsAndDeleteButNotSlash() {
        #expect(PythonJSONWriter.compact(["k": "😀/\u{7f}\u{1}"]) == #"{"k": "\ud83d\ude00/\u007f\u0001"}"#)
    }

    @Test func sortsNumericKeysNumericallyAndConvertsThemToStrings() {
        var mapping = DataMapping()
        mapping[.int(10)] = "ten"
        mapping[.int(9)] = "nine"
        mapping[.bool(true)] = "replaces one"
        mapping[.int(1)] = "one"
        #expect(PythonJSONWriter.compact(.mapping(mapping)) == #"{"true": "one", "9": "nine", "10": "ten"}"#)
    }
}
