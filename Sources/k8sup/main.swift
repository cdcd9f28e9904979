import Foundation
import K8sUpKit

// A no-op handler rather than SIG_IGN: writes to a closed pipe (`k8sup … | head`) then fail with EPIPE
// instead of killing k8sup, and child processes still start with the default disposition.
signal(SIGPIPE) { _ in }

exit(await CLI.main(arguments: Array(CommandLine.arguments.dropFirst())))
