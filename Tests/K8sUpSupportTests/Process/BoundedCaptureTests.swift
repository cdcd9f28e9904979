import K8sUpTestSupport
import Testing

@testable import K8sUpSupport

/// `BoundedCapture`: the head and tail of a stream, with a marker for what fell out between them.
@Suite struct BoundedCaptureTests {
    @Test func keepsEverythingWithinTheLimit() {
        var capture = BoundedCapture(limit: OutputLimit(headBytes: 4, tailBytes: 4))
        capture.append(Array("abcd".utf8))
        capture.append(Array("efgh".utf8))
        #expect(capture.text() == "abcdefgh")
        #expect(!capture.isTruncated)
    }

    @Test func keepsTheHeadAndTheTailAndSaysHowMuchIsMissing() {
        var capture = BoundedCapture(limit: OutputLimit(headBytes: 6, tailBytes: 6))
        for chunk in ["first\n", "middle 1\n", "middle 2\n", "last\n"] { capture.append(Array(chunk.utf8)) }
        #expect(capture.isTruncated)
        #expect(capture.text() == "first\n[... 17 bytes omitted ...]\n\nlast\n")
    }

    @Test func keepsOnlyTheLatestTailAcrossManyChunks() {
        var capture = BoundedCapture(limit: OutputLimit(headBytes: 2, tailBytes: 3))
        for number in 0..<10_000 { capture.append(Array("\(number % 10)".utf8)) }
        #expect(capture.text().hasPrefix("01\n[... 9995 bytes omitted ...]\n"))
        #expect(capture.text().hasSuffix("789"))
    }

    @Test func headOnlyLimitDropsEverythingAfterTheHead() {
        var capture = BoundedCapture(limit: .head(3))
        capture.append(Array("abcdefgh".utf8))
        #expect(capture.text() == "abc\n[... 5 bytes omitted ...]\n")
    }

    @Test func neverCutsACharacterInHalf() {
        var capture = BoundedCapture(limit: OutputLimit(headBytes: 3, tailBytes: 3))
        capture.append(Array("aé—xyz—é".utf8))  // é is 2 bytes, — is 3
        let text = capture.text()
        #expect(!text.contains("\u{FFFD}"))
        #expect(text.hasPrefix("aé\n[... "))
        #expect(text.hasSuffix("...]\né"))
    }
}
