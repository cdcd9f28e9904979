import Foundation
import K8sSimKit

signal(SIGPIPE) { _ in }
exit(await SimCLI.main(arguments: CommandLine.arguments))
