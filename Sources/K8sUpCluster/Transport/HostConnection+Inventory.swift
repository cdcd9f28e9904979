import K8sUpInventory
import PythonParity

extension HostConnection {
    /// Kubespray's bastion group: its first host is the jump host for every other host.
    static let bastionGroup = "bastion"

    /// The connections of the inventory's hosts (all of them, or those named in `hosts`), keyed by
    /// inventory name, each from its vars after Ansible's precedence.
    ///
    /// Like Kubespray's bastion support (`groups['bastion'][0]`), when the `bastion` group has a host,
    /// that host is the jump for every other host; the bastion itself is reached directly. Names that
    /// are not inventory hosts are left out.
    ///
    /// - Throws: the first `TransportError`, in inventory order; the bastion's own vars are checked
    ///   even when `hosts` does not name it, since every other host depends on them.
    package static func all(_ loaded: LoadedInventory, hosts: [String]? = nil) throws(TransportError) -> [String:
        HostConnection]
    {
        let inventory = loaded.inventory
        let bastionName = inventory.hosts(inGroup: bastionGroup).first
        let names = (hosts ?? inventory.hostOrder).filter { inventory.hosts[$0] != nil }
        let vars = VariableResolver(loaded).allHostVariables(names + (bastionName.map { [$0] } ?? []))
        var bastion: HostConnection?
        if let bastionName {
            bastion = try forHost(bastionName, vars: vars[bastionName] ?? DataMapping(), bastion: nil)
        }
        var connections: [String: HostConnection] = [:]
        for name in names {
            connections[name] = try forHost(name, vars: vars[name] ?? DataMapping(), bastion: bastion)
        }
        return connections
    }
}
