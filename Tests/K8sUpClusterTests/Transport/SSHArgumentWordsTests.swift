import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `SSHArgumentWords`: Ansible's `_split_ssh_args` and the scan for a route of the host's own.
@Suite struct SSHArgumentWordsTests {
    @Test(
        arguments: [
            ("-o StrictHostKeyChecking=accept-new", ["-o", "StrictHostKeyChecking=accept-new"]),
            (#"-o ProxyCommand="ssh -W %h:%p bastion""#, ["-o", "ProxyCommand=ssh -W %h:%p bastion"]),
            (#"-o "IdentityFile=\"/k\"" a\ b"#, ["-o", #"IdentityFile="/k""#, "a b"]),
            // Without comments, unlike the INI reader: `#` is an ordinary character everywhere.
            ("-o UserKnownHostsFile=/x#y #not-a-comment", ["-o", "UserKnownHostsFile=/x#y", "#not-a-comment"]),
            // Each word stripped, empty ones dropped, as `[x.strip() for x in shlex.split(s) if x.strip()]`.
            ("'' ' -C ' \"\"", ["-C"]),
            ("", []),
        ] as [(String, [String])])
    func splitsLikeAnsible(text: String, words: [String]) throws {
        #expect(try SSHArgumentWords.split(text) == words)
    }

    @Test func unclosedQuotesFail() {
        #expect(throws: ShellWords.Failure.unclosedQuote(offset: 3)) { try SSHArgumentWords.split("-o 'x") }
    }

    @Test(
        arguments: [
            (["-o", "ProxyCommand=ssh -W %h:%p b"], true),
            (["-oProxyJump=b"], true),
            (["-o", "PROXYCOMMAND none"], true),
            (["-J", "b"], true),
            (["-4qJb"], true),
            (["-o", "StrictHostKeyChecking=no", "-C"], false),
            // `-l`'s argument and `-i`'s argument are not options, whatever they look like.
            (["-l", "-J", "-i", "-oProxyJump=x"], false),
            (["-o", "ProxyCommandx=1"], false),
            (["-p2222", "-J"], true),
        ] as [([String], Bool)])
    func recognisesARouteOfTheHostsOwn(words: [String], routes: Bool) {
        #expect(SSHArgumentWords.choosesProxy(words) == routes)
    }
}
