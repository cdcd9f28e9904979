import Dispatch
import Foundation
import K8sUpCLI

// A no-op handler rather than SIG_IGN: writes to a closed pipe (`k8sup … | head`) then fail with EPIPE
// instead of killing k8sup, and child processes still start with the default disposition.
signal(SIGPIPE) { _ in }

// Ctrl-C cancels the running command: the command runner stops its child's process group and the
// command unwinds normally. The shell then sees k8sup killed by SIGINT (status 130). While `apply`
// executes, the first Ctrl-C only asks it to stop at the next safe point (it exits 130 itself).
signal(SIGINT, SIG_IGN)
let work = Task { await CLI.main(arguments: Array(CommandLine.arguments.dropFirst())) }
let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .main)
interrupt.setEventHandler {
    if CLI.requestStop() {
        FileHandle.standardError.write(
            Data(
                ("\nk8sup: stopping after the running command; the node is put back as it was. "
                    + "Ctrl-C again stops at once.\n").utf8))
        return
    }
    FileHandle.standardError.write(Data("\nk8sup: interrupted; stopping child processes…\n".utf8))
    work.cancel()
    interrupt.cancel()
    signal(SIGINT, SIG_DFL)  // a second Ctrl-C ends k8sup at once
}
interrupt.resume()
let code = await work.value
if work.isCancelled {
    signal(SIGINT, SIG_DFL)
    kill(getpid(), SIGINT)
}
exit(code)
