import Foundation

/// The kubelet's systemd unit as the playbook's `kubelet_status` prints it (`systemctl show kubelet -p
/// ActiveState,SubState,NRestarts,ExecMainStatus`): one `Key=Value` line per property.
struct KubeletUnitState: Sendable, Equatable, CustomStringConvertible {
    /// `active`, `activating`, `failed`, `inactive`, `deactivating`, `reloading`.
    var activeState: String?
    /// `running`, `auto-restart`, `failed`, `dead`, …
    var subState: String?
    /// How many times systemd restarted the unit on its own (`Restart=`); systemd 235 and newer.
    var restarts: Int?
    /// How the unit's main process last exited (0 while it runs or after a clean stop).
    var exitStatus: Int?

    /// Reads the `Key=Value` lines of `output`; other lines, and properties k8sup does not use, are
    /// skipped, and the last value of a property wins. Nil when no line names `ActiveState`: then the
    /// output says nothing about the unit (a wrong command, or a unit systemd does not know).
    static func parse(_ output: String) -> KubeletUnitState? {
        var state = KubeletUnitState()
        var sawActiveState = false
        for line in output.split(whereSeparator: \.isNewline) {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "ActiveState":
                state.activeState = value.isEmpty ? nil : value
                sawActiveState = true
            case "SubState": state.subState = value.isEmpty ? nil : value
            case "NRestarts": state.restarts = Int(value)
            case "ExecMainStatus": state.exitStatus = Int(value)
            default: continue
            }
        }
        return sawActiveState ? state : nil
    }

    /// Whether systemd gave up on the unit.
    var isFailed: Bool { activeState == "failed" }

    /// `activating (auto-restart), exit status 1, 4 restarts`, as `systemctl status` words it.
    var description: String {
        var text = (activeState ?? "unknown") + (subState.map { " (\($0))" } ?? "")
        if let exitStatus, exitStatus != 0 { text += ", exit status \(exitStatus)" }
        if let restarts { text += ", \(restarts) restart" + (restarts == 1 ? "" : "s") }
        return text
    }
}
