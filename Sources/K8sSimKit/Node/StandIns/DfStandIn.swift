import Foundation

/// `df [-P] [-k] [PATH…]`: one filesystem per node, mounted on `/`, of 100 GiB with 40 GiB free unless the
/// node has the `disk-full` fault (`K8SIM_FREE_MB`), in the POSIX format (`-P`, 1024-byte blocks). A path
/// that does not exist is an error, as with the real df.
struct DfStandIn {
    var context: StandInContext

    static let sizeKB = 100 * 1024 * 1024
    static let defaultFreeMB = 40 * 1024

    func run() -> Int32 {
        let paths = context.arguments.filter { !$0.hasPrefix("-") }
        let freeMB = Int(context.environment[StandInContext.freeMBVariable] ?? "") ?? Self.defaultFreeMB
        let availableKB = min(Self.sizeKB, max(0, freeMB) * 1024)
        let used = Self.sizeKB - availableKB
        let capacity = Int((Double(used) / Double(Self.sizeKB) * 100).rounded(.up))
        let device = "/dev/k8sim-" + (context.environment["K8SIM_NODE"] ?? "node")
        var output = "Filesystem           1024-blocks      Used Available Capacity Mounted on\n"
        var status: Int32 = 0
        for path in paths.isEmpty ? ["/"] : paths {
            guard FileManager.default.fileExists(atPath: path) else {
                context.err("df: \(path): No such file or directory\n")
                status = 1
                continue
            }
            output +=
                [device, String(Self.sizeKB), String(used), String(availableKB), "\(capacity)%", "/"]
                .joined(separator: " ") + "\n"
        }
        context.out(output)
        return status
    }
}
