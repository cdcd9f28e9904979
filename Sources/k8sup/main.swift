import Foundation
import K8sUpKit

let code = CLI.main(arguments: Array(CommandLine.arguments.dropFirst()))
exit(code)
