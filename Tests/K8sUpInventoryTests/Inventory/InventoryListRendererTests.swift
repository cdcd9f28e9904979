import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `inventory --list` is written to stdout in chunks; the chunks must add up to the document and each
/// must be whole UTF-8 (a console that decodes chunk by chunk must not see half a character).
@Suite struct InventoryListRendererTests {
    static let inventoryText = """
        [kube_node]
        wé1 note=café😀
        w2 note="e\u{301}"
        w3

        [kube_node:vars]
        shared="ü"

        [zone]
        w3
        """

    @Test func chunksAddUpToTheDocumentAndEachIsWholeUTF8() throws {
        try withTemporaryTree(text: ["hosts.ini": Self.inventoryText]) { root in
            let loaded = try InventoryLoader().load(sources: [root + "/hosts.ini"])
            let hosts = loaded.inventory.hosts(inGroup: Inventory.allGroup)
            let whole = InventoryListRenderer.render(loaded, selectedHosts: hosts)
            var chunks: [[UInt8]] = []
            InventoryListRenderer.write(loaded, selectedHosts: hosts, chunkSize: 1) { chunks.append($0) }
            #expect(chunks.count > 5)
            #expect(chunks.allSatisfy { String(validating: $0, as: UTF8.self) != nil && !$0.isEmpty })
            #expect(String(decoding: chunks.joined(), as: UTF8.self) == whole)
            #expect(whole.contains(#""note": "café😀""#))
            #expect(whole.hasSuffix("}\n"))
        }
    }

    @Test func aHostLineRepeatingAValueKeepsEachSpellingOfIt() throws {
        // The reader remembers the last value it parsed; "é" composed and decomposed are equal Strings
        // for Swift but different text for Python.
        var inventory = Inventory()
        try INIInventoryReader.read(Array("h a=é b=e\u{301} c=e\u{301}\n".utf8), file: "t.ini", into: &inventory)
        let vars = try #require(inventory.hosts["h"]?.vars)
        #expect(vars["a"]?.stringValue.map { Array($0.utf8) } == Array("é".utf8))
        #expect(vars["b"]?.stringValue.map { Array($0.utf8) } == Array("e\u{301}".utf8))
        #expect(vars["c"]?.stringValue.map { Array($0.utf8) } == Array("e\u{301}".utf8))
    }
}
