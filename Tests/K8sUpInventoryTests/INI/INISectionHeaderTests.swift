import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

@Suite struct INISectionHeaderTests {
    /// Lines the plugin's `section` pattern accepts, with the group and kind it captures.
    @Test(
        arguments: [
            ("[g]", "g", nil), ("[g:vars]", "g", "vars"), ("[g:children]", "g", "children"),
            ("[g:anything_1]", "g", "anything_1"),
            ("[g] # comment", "g", nil), ("[g]\t#", "g", nil), ("[g]   ", "g", nil), ("[[g]", "[g", nil),
            ("[a-b.c]", "a-b.c", nil),
            ("[gr\u{FC}ppe:vars]", "gr\u{FC}ppe", "vars"), ("[g:v\u{E4}rs]", "g", "v\u{E4}rs"),
            ("[g]\u{A0}#x", "g", nil),
        ] as [(String, String, String?)])
    func recognisesSections(line: String, group: String, kind: String?) throws {
        let header = try #require(INISectionHeader.match(Array(line.unicodeScalars)[...]))
        #expect(header.group == group)
        #expect(header.kind == kind)
    }

    @Test(arguments: [
        "[]", "[g", "[g:]", "[g:vars ]", "[a b]", "[g] ; c", "[g]x", "[g:vars:x]", "[g]]", "[g:va-rs]", "g]",
    ])
    func rejectsEverythingElse(line: String) {
        #expect(INISectionHeader.match(Array(line.unicodeScalars)[...]) == nil)
    }

    @Test(arguments: [("child", "child"), ("child # c", "child"), ("ch[ld\t", "ch[ld"), ("a.b-c", "a.b-c")])
    func readsChildGroupNames(line: String, name: String) {
        #expect(INISectionHeader.childGroupName(Array(line.unicodeScalars)[...]) == name)
    }

    @Test(arguments: ["a b", "a ; c", "a:b", "a]", ":a"])
    func rejectsInvalidChildGroupNames(line: String) {
        #expect(INISectionHeader.childGroupName(Array(line.unicodeScalars)[...]) == nil)
    }
}
