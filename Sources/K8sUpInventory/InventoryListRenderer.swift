import PythonParity

/// Renders `ansible-inventory --list`: every group reachable from `all` with its direct `hosts` (only
/// selected ones) and `children`, empty keys and empty groups left out, and `_meta.hostvars` with the
/// resolved vars of each selected host. Printed with Python's `json.dumps(sort_keys=True, indent=4)`.
///
/// Ansible 2.19 also prints `_meta.profile` (the name of its internal JSON encoder); k8sup leaves it out.
///
/// The host vars are written from `HostVariableLayers`: each shared group layer is rendered once and
/// copied for every host on it, so the time goes into copying bytes, not into rebuilding and sorting
/// the same few hundred variables for each of thousands of hosts.
package enum InventoryListRenderer {
    static let metaKey = "_meta"

    /// The whole document, ending in a newline.
    static func render(_ loaded: LoadedInventory, selectedHosts: [String]) -> String {
        var document: [UInt8] = []
        write(loaded, selectedHosts: selectedHosts) { document += $0 }
        return String(decoding: document, as: UTF8.self)
    }

    /// Writes the document as UTF-8 to `sink`, in chunks of about `chunkSize` bytes that each end between
    /// two values (so each is whole UTF-8): the 50 MB of a 5,000-host inventory never sit in memory at once.
    package static func write(
        _ loaded: LoadedInventory, selectedHosts: [String], chunkSize: Int = 1 << 20, to sink: ([UInt8]) -> Void
    ) {
        let groups = groupEntries(loaded.inventory, selected: Set(selectedHosts))
        let layered = VariableResolver(loaded).layeredHostVariables(selectedHosts)
        let rendered = layered.groupLayers.map { RenderedVariableLayer($0, depth: 3) }
        let hostsWithVars = uniqueHosts(selectedHosts).filter { host in
            guard let share = layered.hosts[host] else { return false }
            return !rendered[share.groupLayer].isEmpty(withOwn: share.own)
        }.sorted(by: String.pythonOrder)

        let largestLayer = rendered.map(\.renderedSize).max() ?? 0
        var output = PythonJSONOutput(format: .ansibleInventory, reservingCapacity: chunkSize + 2 * largestLayer)
        output.appendASCII("{")
        // Assigning `_meta` into the document replaces a group that has that name.
        var names = groups.keys.compactMap(\.stringValue).filter { $0 != metaKey } + [metaKey]
        names.sort(by: String.pythonOrder)
        for (position, name) in names.enumerated() {
            output.beginElement(position, depth: 0)
            output.appendKey(name)
            if name == metaKey {
                writeMeta(hostsWithVars, layered: layered, rendered: rendered, into: &output) { output in
                    output.flush(ifAtLeast: chunkSize, to: sink)
                }
            } else {
                output.write(groups[name] ?? .null, depth: 1)
            }
            output.flush(ifAtLeast: chunkSize, to: sink)
        }
        output.endContainer(UInt8(ascii: "}"), depth: 0)
        output.appendASCII("\n")
        output.flush(ifAtLeast: 0, to: sink)
    }

    /// `ansible-inventory --host NAME`: the host's resolved vars as JSON.
    package static func renderHost(_ loaded: LoadedInventory, host: String) -> String {
        PythonJSONWriter.ansibleInventory(.mapping(VariableResolver(loaded).hostVariables(host))) + "\n"
    }

    /// Each non-empty group's `hosts` and `children`, in the order of the walk from `all`.
    private static func groupEntries(_ inventory: Inventory, selected: Set<String>) -> DataMapping {
        var document = DataMapping()
        for name in inventory.groupAndDescendants(of: Inventory.allGroup) {
            guard let group = inventory.groups[name] else { continue }
            var entry = DataMapping()
            if name != Inventory.allGroup {
                let hosts = group.hosts.filter(selected.contains)
                if !hosts.isEmpty { entry["hosts"] = .list(hosts.map(DataValue.string)) }
            }
            if !group.children.isEmpty { entry["children"] = .list(group.children.map(DataValue.string)) }
            if !entry.isEmpty { document[name] = .mapping(entry) }
        }
        return document
    }

    /// `{"hostvars": {HOST: {VARS}, …}}` at depth 1.
    private static func writeMeta(
        _ hosts: [String], layered: HostVariableLayers, rendered: [RenderedVariableLayer],
        into output: inout PythonJSONOutput, betweenHosts: (inout PythonJSONOutput) -> Void
    ) {
        output.appendASCII("{")
        output.beginElement(0, depth: 1)
        output.appendKey("hostvars")
        output.appendASCII("{")
        var written = 0
        for host in hosts {
            guard let share = layered.hosts[host] else { continue }
            output.beginElement(written, depth: 2)
            output.appendKey(host)
            rendered[share.groupLayer].write(own: share.own, into: &output)
            written += 1
            betweenHosts(&output)
        }
        if written == 0 {
            output.appendASCII("}")
        } else {
            output.endContainer(UInt8(ascii: "}"), depth: 2)
        }
        output.endContainer(UInt8(ascii: "}"), depth: 1)
    }

    private static func uniqueHosts(_ hosts: [String]) -> [String] {
        var seen: Set<String> = []
        return hosts.filter { seen.insert($0).inserted }
    }
}
