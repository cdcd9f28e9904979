import K8sUpTestSupport
import Testing

@testable import K8sUpSupport
@testable import PythonParity

/// Hash values printed by CPython 3.11's `hash()`.
@Suite struct PythonHashTests {
    @Test(
        arguments: [
            ("0", 0), ("1", 1), ("-1", -2), ("-2", -2), ("2305843009213693951", 0), ("2305843009213693952", 1),
            ("9223372036854775807", 3), ("-9223372036854775808", -4),
            ("1000000000000000000000000000000", 465_258_685_558_744_706),
            ("-1000000000000000000000000000000", -465_258_685_558_744_706),
        ] as [(String, Int64)])
    func integersHashLikeCPython(decimal: String, expected: Int64) throws {
        #expect(PythonHash.integer(try PythonInteger.parse(decimal.unicodeScalars, radix: 10)) == expected)
    }

    @Test(
        arguments: [
            (0.5, 1_152_921_504_606_846_976), (1.5, 1_152_921_504_606_846_977), (-2.25, -576_460_752_303_423_490),
            (1e300, 1_224_995_262_755_759_164), (1e-300, 482_449_582_752_280_463),
            (Double.leastNonzeroMagnitude, 16_777_216),
            (4.611686018427388e18, 2), (1e16, 10_000_000_000_000_000), (-0.0, 0), (0.1, 230_584_300_921_369_408),
            (3.141592653589793, 326_490_430_436_040_707), (.infinity, 314_159), (-.infinity, -314_159),
            (123456.789, 1_819_310_134_279_660_096),
        ] as [(Double, Int64)])
    func floatsHashLikeCPython(value: Double, expected: Int64) {
        #expect(PythonHash.double(value) == expected)
    }

    @Test func complexNumbersAndTuplesHashLikeCPython() {
        #expect(PythonHash.complex(real: 0, imaginary: 1) == 1_000_003)
        #expect(PythonHash.complex(real: 1, imaginary: 2) == 2_000_007)
        #expect(PythonHash.complex(real: -0.0, imaginary: -1) == -2_000_006)
        #expect(PythonHash.complex(real: 1e300, imaginary: 0.5) == 4_683_759_776_576_300_092)
        #expect(PythonHash.tuple([]) == 5_740_354_900_026_072_187)
        #expect(PythonHash.tuple([1]) == -6_644_214_454_873_602_895)
        #expect(PythonHash.tuple([1, 2]) == -3_550_055_125_485_641_917)
        let inner = PythonHash.tuple([2, 3])
        #expect(
            PythonHash.tuple([PythonHash.double(1.5), PythonHash.complex(real: 0, imaginary: 1), inner])
                == 5_032_424_561_438_683_123)
    }

    @Test func setOrderFollowsCPythonsTableIncludingResizes() {
        // list(set(map(int, ...))) in CPython 3.11.
        #expect(
            PythonHash.setIterationOrder([3, 1, 2, 10, 9, 100]).map { [3, 1, 2, 10, 9, 100][$0] } == [
                1, 2, 3, 100, 9, 10,
            ])
        #expect(PythonHash.setIterationOrder([-2, -2, 7]) == [2, 0, 1])
        #expect(PythonHash.setIterationOrder([]) == [])
    }
}
