import K8sUpTestSupport
import Testing

@testable import K8sUpSupport

/// `Command.displayLine`: the shell-quoted form in logs and `--dry-run`, with secrets masked.
@Suite struct CommandDisplayTests {
    @Test(arguments: [
        ("kubectl", "kubectl"),
        ("a b", "'a b'"),
        ("it's", #"'it'\''s'"#),
        ("", "''"),
        ("$HOME", "'$HOME'"),
        ("line1\nline2", "'line1\nline2'"),
        ("--selector=app=web,tier!=db", "'--selector=app=web,tier!=db'"),
        ("node-1.example.com:6443/x_y@z%+", "node-1.example.com:6443/x_y@z%+"),
        ("~", "'~'"),
        ("*", "'*'"),
    ])
    func quotesOnlyWhatTheShellWouldInterpret(word: String, quoted: String) {
        #expect(ShellQuoting.quote(word) == quoted)
    }

    @Test func rendersTheWholeCommandLine() {
        let command = Command("kubectl", ["get", "node", "a b", "it's"], timeout: .seconds(30))
        #expect(command.displayLine == #"kubectl get node 'a b' 'it'\''s'"#)
        #expect("\(command)" == command.displayLine)
    }

    @Test func quotesAnExecutableThatWouldReadAsAnAssignment() {
        #expect(Command("FOO=bar/tool", timeout: .seconds(1)).displayLine == "'FOO=bar/tool'")
    }

    /// The display form typed into `sh -c` gives the program exactly the original arguments.
    @Test func roundTripsThroughTheShell() async throws {
        let tricky = [
            "a b", "it's", "'", "$HOME", "", "line1\nline2", "tab\there", #"back\slash"#, #""double""#, "*", "~",
            "#hash", "semi;colon", "`tick`", "$(echo hi)", "ü ∂", "--flag=x y", "!bang", "{a,b}", "-n", "a=b",
        ]
        let printf = Command("printf", ["<%s>"] + tricky, timeout: .seconds(5))
        let result = try await ProcessRunner().run(
            Command("/bin/sh", ["-c", printf.displayLine], timeout: .seconds(120)))
        #expect(result.succeeded)
        #expect(result.stdout == tricky.map { "<\($0)>" }.joined())
    }

    @Test func masksSecretArgumentsKeepingTheFlagName() {
        let command = Command(
            "kubeadm", ["join", "--token=abcdef.0123456789", "--discovery-token", "s3cr3t", "10.0.0.1:6443"],
            timeout: .seconds(60), secretArguments: [1, 3])
        #expect(command.displayLine == "kubeadm join '--token=***' --discovery-token '***' 10.0.0.1:6443")
        #expect(!command.displayLine.contains("0123456789"))
        #expect(!command.displayLine.contains("s3cr3t"))
    }

    @Test func errorMessagesNeverShowSecrets() {
        let command = Command(
            "curl", ["-H", "Authorization: Bearer t0ps3cr3t"], timeout: .seconds(5), secretArguments: [1])
        let failed = CommandError.failed(command, .failure(exit: 22, stderr: "401"))
        #expect(failed.description == "curl -H '***' failed (exit 22): 401")
        let timedOut = CommandError.timedOut(command, .timedOut())
        #expect(!timedOut.description.contains("t0ps3cr3t"))
    }
}
