import K8sUpTestSupport
import Testing

@testable import K8sUpSupport

/// `LineSplitter`: whole lines out of arbitrary chunks.
@Suite struct LineSplitterTests {
    @Test func holdsAPartialLineUntilItsNewlineArrives() {
        var splitter = LineSplitter()
        #expect(splitter.append(Array("hel".utf8)) == [])
        #expect(splitter.append(Array("lo\nwor".utf8)) == ["hello"])
        #expect(splitter.append(Array("ld\n\nnext".utf8)) == ["world", ""])
        #expect(splitter.finish() == "next")
        #expect(splitter.finish() == nil)
    }

    @Test func hasNoLastLineAfterAFinalNewline() {
        var splitter = LineSplitter()
        #expect(splitter.append(Array("a\n".utf8)) == ["a"])
        #expect(splitter.finish() == nil)
    }

    @Test func keepsAMultibyteCharacterSplitAcrossChunks() {
        var splitter = LineSplitter()
        let bytes = Array("grüße\n".utf8)
        #expect(splitter.append(bytes[..<3]) == [])
        #expect(splitter.append(bytes[3...]) == ["grüße"])
    }

    @Test func cutsAnEndlessLineIntoBoundedPieces() {
        var splitter = LineSplitter(maximumLineBytes: 4)
        #expect(splitter.append(Array("abcdefghij".utf8)) == ["abcd", "efgh"])
        #expect(splitter.append(Array("üü\n".utf8)) == ["ijü", "ü"])
    }
}
