/// `systemctl show UNIT… [-p A,B | --property=A,B]… [--value]`: `Key=Value` lines of the unit's
/// properties, in the order asked (all of them without `-p`), or the values alone with `--value`. The
/// kubelet's come from the simulated cluster; any other unit shows as a healthy running service. As
/// systemd does, a property it does not know prints nothing.
struct SystemctlShow {
    var context: StandInContext

    static let properties =
        ["Id", "Names", "Description", "LoadState", "ActiveState", "SubState", "NRestarts"]
        + ["ExecMainStatus", "UnitFileState"]

    func run() -> Int32 {
        var asked: [String] = []
        var units: [String] = []
        var valuesOnly = false
        var arguments = context.arguments.drop { $0 != "show" }.dropFirst()[...]
        while let argument = arguments.popFirst() {
            if argument == "-p" || argument == "--property" {
                guard let list = arguments.popFirst() else {
                    return context.fail("systemctl", "option requires an argument -- 'p'")
                }
                asked += Self.split(list)
            } else if argument.hasPrefix("--property=") {
                asked += Self.split(String(argument.dropFirst("--property=".count)))
            } else if argument.hasPrefix("-p"), argument.count > 2 {
                asked += Self.split(String(argument.dropFirst(2)))
            } else if argument == "--value" {
                valuesOnly = true
            } else if !argument.hasPrefix("-") {
                units.append(argument.hasSuffix(".service") ? String(argument.dropLast(8)) : argument)
            }
        }
        var blocks: [String] = []
        for unit in units.isEmpty ? ["kubelet"] : units {
            let values: [String: String]
            do {
                values = try self.values(of: unit)
            } catch {
                return context.fail("systemctl", "k8sim: \(error)")
            }
            let names = asked.isEmpty ? Self.properties : asked
            let lines = names.compactMap { name in values[name].map { valuesOnly ? $0 : "\(name)=\($0)" } }
            blocks.append(lines.map { $0 + "\n" }.joined())
        }
        context.out(blocks.joined(separator: "\n"))
        return 0
    }

    private static func split(_ list: String) -> [String] {
        list.split(separator: ",").map(String.init)
    }

    private func values(of unit: String) throws -> [String: String] {
        var values = [
            "Id": unit + ".service", "Names": unit + ".service", "Description": unit, "LoadState": "loaded",
            "ActiveState": "active", "SubState": "running", "NRestarts": "0", "ExecMainStatus": "0",
            "UnitFileState": "enabled",
        ]
        guard unit == "kubelet" else { return values }
        let report = try context.cluster().kubeletUnit(node: try context.nodeName())
        values["Description"] = "kubelet: The Kubernetes Node Agent"
        values["ActiveState"] = report.activeState
        values["SubState"] = report.subState
        values["NRestarts"] = String(report.restarts)
        values["ExecMainStatus"] = String(report.exitStatus)
        return values
    }
}
