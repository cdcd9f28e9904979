import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Inventory values are data, never code: every rendered line is run by a real shell, which must see
/// the value as one word and run nothing in it.
@Suite struct PlaybookInjectionTests {
    static let payloads = [
        "x; touch pwned", "$(touch pwned)", "`touch pwned`", "'; touch pwned; '", "\"; touch pwned; \"",
        "a\nb; touch pwned", "* ?", "~root", "$HOME", "a'b\\'c", "-n", "x && touch pwned || touch pwned",
    ]

    @Test(arguments: payloads)
    func hostVarsCannotRunCommands(payload: String) throws {
        let playbook = try loadPlaybook(
            """
            vars:
              x: harmless
            stage:
              - printf '%s|' {{ x }}
              - printf '%s|' pre{{ x }}post
              - printf '%s|' "$(printf '%s' {{ x }})"
              - v={{ x }}; printf '%s|' "$v"
              - test -n {{ x }} && printf '%s|' 'x='{{ x }}
              - >-
                printf '%s|' `printf '%s' {{ x }}`-
            """)
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let lines = try playbook.render(.stage, context: workerContext(vars: ["x": .string(payload)]))
        let expected = [payload + "|", "pre\(payload)post|", payload + "|", payload + "|", "x=\(payload)|"]
        for (line, output) in zip(lines, expected) {
            let result = try runShell(line, in: directory)
            #expect(result.status == 0, "\(line)")
            #expect(result.output == output, "\(line)")
        }
        _ = try runShell(lines[5], in: directory)
        #expect(
            !FileManager.default.fileExists(atPath: directory + "/pwned"),
            "the value \(payload) ran a command through one of \(lines)")
    }
}
