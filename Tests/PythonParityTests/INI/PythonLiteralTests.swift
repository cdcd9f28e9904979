import K8sUpTestSupport
import Testing

@testable import K8sUpSupport
@testable import PythonParity

@Suite struct PythonLiteralTests {
    @Test(arguments: pythonLiteralCases)
    func valueMatchesPythonLiteralEvalWithAnsibleCoercion(input: String, expected: PythonLiteralCase) {
        let result: Result<DataValue, PythonLiteralError> = Result { () throws(PythonLiteralError) in
            try PythonLiteral.inventoryValue(input)
        }
        switch (expected, result) {
        case (.value(let value), .success(let actual)):
            #expect(actual == value)
            #expect(PythonJSONWriter.compact(actual) == PythonJSONWriter.compact(value))
        case (.text, .success(let actual)):
            #expect(actual == .string(input))
        case (.failure, .failure):
            break
        default:
            Issue.record("\(input.debugDescription): expected \(expected), got \(result)")
        }
    }

    @Test func aStringTextIsDistinguishedFromTheSameTextNotBeingALiteral() throws {
        #expect(try PythonLiteral.value("hello") == nil)
        #expect(try PythonLiteral.value("'hello'") == .string("hello"))
        #expect(try PythonLiteral.evaluate("hello") == nil)
        #expect(try PythonLiteral.evaluate("'hello'") == .str(Array("hello".unicodeScalars.map(\.value))))
    }

    @Test func intsAndFloatsKeepTheirKinds() throws {
        #expect(try PythonLiteral.inventoryValue("1") == .int(1))
        #expect(try PythonLiteral.inventoryValue("1.0") == .float(1.0))
        #expect(try PythonLiteral.inventoryValue("1e3") != .int(1000))
    }

    @Test func bracketsNestTwoHundredDeepButNotDeeper() throws {
        let twoHundred = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(try PythonLiteral.inventoryValue(twoHundred) == nested(.list([]), depth: 199))
        let tooDeep = String(repeating: "(", count: 201) + "1" + String(repeating: ")", count: 201)
        #expect(try PythonLiteral.inventoryValue(tooDeep) == .string(tooDeep))
    }

    @Test func veryDeepOrLongInputNeitherCrashesNorHangs() throws {
        for source in [
            String(repeating: "[", count: 20_000), String(repeating: "-", count: 20_000) + "1",
            String(repeating: "{1:", count: 10_000), String(repeating: "'a' ", count: 5_000),
            "'" + String(repeating: "\\x41", count: 10_000) + "'", String(repeating: "1+", count: 10_000) + "1j",
        ] {
            _ = try? PythonLiteral.inventoryValue(source)
        }
        let long = "[" + String(repeating: "1,", count: 20_000) + "]"
        #expect(try PythonLiteral.inventoryValue(long).listValue?.count == 20_000)
    }

    @Test func decimalIntegersStopAtPythonsFourThousandThreeHundredDigits() throws {
        let limit = String(repeating: "9", count: 4300)
        #expect(try PythonLiteral.inventoryValue(limit) == .bigInt(limit))
        let over = String(repeating: "9", count: 4301)
        #expect(try PythonLiteral.inventoryValue(over) == .string(over))
        let zeros = String(repeating: "0", count: 5000)
        #expect(try PythonLiteral.inventoryValue(zeros) == .int(0))
    }

    @Test func hexIntegersTooLongToPrintAreRefusedButOnlyWhenTheyAreTheValue() throws {
        let huge = "0x" + String(repeating: "f", count: 4000)
        #expect(throws: PythonLiteralError.integerTooLarge) { try PythonLiteral.inventoryValue(huge) }
        // A dict value that is replaced later never reaches Ansible's output.
        #expect(try PythonLiteral.inventoryValue("{1: \(huge), 1: 2}") == mapping((.int(1), .int(2))))
        #expect(try PythonLiteral.inventoryValue(huge + " x") == .string(huge + " x"))
    }

    @Test func integerTooLargeForAFloatInAComplexSumFailsLikePython() {
        let big = "1" + String(repeating: "0", count: 400)
        #expect(throws: PythonLiteralError.integerTooLargeForFloat) { try PythonLiteral.inventoryValue(big + "+1j") }
    }

    @Test func unhashableKeyFailsBeforeALaterNonLiteralButNotAfterOne() throws {
        #expect(throws: PythonLiteralError.unhashable("list")) { try PythonLiteral.inventoryValue("{[1]: 2, 3: x}") }
        #expect(try PythonLiteral.inventoryValue("{3: x, [1]: 2}") == .string("{3: x, [1]: 2}"))
        #expect(try PythonLiteral.inventoryValue("{[1]: 2, 3: 4") == .string("{[1]: 2, 3: 4"))
    }

    @Test(arguments: [
        (0.0, 1.0, "1j"), (-0.0, -1.0, "(-0-1j)"), (1.5, 2.0, "(1.5+2j)"), (1e16, -0.0, "(1e+16-0j)"),
        (0.0, .infinity, "infj"), (1.0, .nan, "(1+nanj)"), (0.0, 1e-5, "1e-05j"), (-.infinity, 0.0, "(-inf+0j)"),
    ])
    func complexNumbersPrintLikePythonStr(real: Double, imaginary: Double, expected: String) {
        #expect(PythonLiteral.complexText(real: real, imaginary: imaginary) == expected)
    }

    @Test func setsOfNumbersFollowCPythonsIterationOrderAndOthersKeepSourceOrder() throws {
        #expect(try PythonLiteral.inventoryValue("{3, 1, 2, 10, 9, 100}") == [1, 2, 3, 100, 9, 10])
        // hash(-1) == hash(-2) == -2 in CPython: a collision that probing resolves.
        #expect(try PythonLiteral.inventoryValue("{-1, -2, 7}") == [7, -1, -2])
        #expect(try PythonLiteral.inventoryValue("{'b', 'a', 'b'}") == ["b", "a"])
    }

    @Test func unknownCharacterNamesAreNotLiteralsButAliasesAre() throws {
        #expect(try PythonLiteral.inventoryValue("'\\N{NO SUCH NAME}'") == .string("'\\N{NO SUCH NAME}'"))
        #expect(try PythonLiteral.inventoryValue("'\\N{ZWJ}\\N{bom}'") == .string("\u{200D}\u{FEFF}"))
    }
}
