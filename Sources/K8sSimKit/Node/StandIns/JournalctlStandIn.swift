/// `journalctl -u UNIT [-n N | --lines=N] [--no-pager] …`: the unit's journal lines from the simulated
/// cluster, the last `N` when asked (all without `-n`). The kubelet's tell its starts, its last error
/// (the `kubelet-fails` fault's message) and systemd's restarts; other units have no entries.
struct JournalctlStandIn {
    var context: StandInContext

    func run() -> Int32 {
        var units: [String] = []
        var count: Int?
        var arguments = context.arguments[...]
        while let argument = arguments.popFirst() {
            if argument == "-u" || argument == "--unit" {
                guard let unit = arguments.popFirst() else {
                    return context.fail("journalctl", "option requires an argument -- 'u'")
                }
                units.append(unit)
            } else if argument.hasPrefix("--unit=") {
                units.append(String(argument.dropFirst("--unit=".count)))
            } else if argument.hasPrefix("-u"), argument.count > 2 {
                units.append(String(argument.dropFirst(2)))
            } else if argument == "-n" || argument == "--lines" {
                guard let value = arguments.popFirst(), let number = Int(value) else {
                    return context.fail("journalctl", "Failed to parse lines: the number is missing or invalid")
                }
                count = number
            } else if argument.hasPrefix("--lines=") || (argument.hasPrefix("-n") && argument.count > 2) {
                let value = argument.hasPrefix("--lines=") ? argument.dropFirst(8) : argument.dropFirst(2)
                guard let number = Int(value) else {
                    return context.fail("journalctl", "Failed to parse lines '\(value)'")
                }
                count = number
            }
        }
        let names = units.map { $0.hasSuffix(".service") ? String($0.dropLast(8)) : $0 }
        var lines: [String] = []
        if names.contains("kubelet") {
            do {
                lines = try context.cluster().kubeletUnit(node: try context.nodeName()).journal
            } catch {
                return context.fail("journalctl", "k8sim: \(error)")
            }
        }
        if let count { lines = Array(lines.suffix(max(0, count))) }
        context.out(lines.isEmpty ? "-- No entries --\n" : lines.map { $0 + "\n" }.joined())
        return 0
    }
}
