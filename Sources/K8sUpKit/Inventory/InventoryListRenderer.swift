/// Renders `ansible-inventory --list`: every group reachable from `all` with its direct `hosts` (only
/// selected ones) and `children`, empty keys and empty groups left out, and `_meta.hostvars` with the
/// resolved vars of each selected host. Printed with Python's `json.dumps(sort_keys=True, indent=4)`.
///
/// Ansible 2.19 also prints `_meta.profile` (the name of its internal JSON encoder); k8sup leaves it out.
///
/// The host vars are written from `HostVariableLayers`: each shared group layer is rendered once and
/// copied for every host on it, so the time goes into copying bytes, not into rebuilding and sorting
/// the same few hundred variables for each of thousands of hosts.
enum InventoryListRenderer {
    static let metaKey = "_meta"

    /// The whole document, ending in a newline.
    static func render(_ loaded: LoadedInventory, selectedHosts: [String]) -> String {
        String(decoding: renderUTF8(loaded, selectedHosts: selectedHosts), as: UTF8.self)
    }

    /// The whole document as UTF-8 bytes, ending in a newline (what the command writes to stdout).
    static func renderUTF8(_ loaded: LoadedInventory, selectedHosts: [String]) -> [UInt8] {
        let groups = groupEntries(loaded.inventory, selected: Set(selectedHosts))
        let layered = VariableResolver(loaded).layeredHostVariables(selectedHosts)
        let rendered = layered.groupLayers.map { RenderedVariableLayer($0, depth: 3) }
        let hostsWithVars = uniqueHosts(selectedHosts).filter { host in
            guard let share = layered.hosts[host] else { return false }
            return !rendered[share.groupLayer].isEmpty(withOwn: share.own)
        }.sorted(by: String.pythonOrder)

        var output = PythonJSONOutput(
            format: .ansibleInventory,
            reservingCapacity: estimatedSize(hosts: hostsWithVars, layered: layered, rendered: rendered))
        output.appendASCII("{")
        // Assigning `_meta` into the document replaces a group that has that name.
        var names = groups.keys.compactMap(\.stringValue).filter { $0 != metaKey } + [metaKey]
        names.sort(by: String.pythonOrder)
        for (position, name) in names.enumerated() {
            output.beginElement(position, depth: 0)
            output.appendKey(name)
            if name == metaKey {
                writeMeta(hostsWithVars, layered: layered, rendered: rendered, into: &output)
            } else {
                output.write(groups[name] ?? .null, depth: 1)
            }
        }
        output.endContainer(UInt8(ascii: "}"), depth: 0)
        output.appendASCII("\n")
        return output.bytes
    }

    /// `ansible-inventory --host NAME`: the host's resolved vars as JSON.
    static func renderHost(_ loaded: LoadedInventory, host: String) -> String {
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
        into output: inout PythonJSONOutput
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

    /// Room for the whole document, so that the buffer is not copied as it grows (memory the estimate
    /// overshoots is reserved but never touched).
    private static func estimatedSize(
        hosts: [String], layered: HostVariableLayers, rendered: [RenderedVariableLayer]
    ) -> Int {
        var size = 4096
        for host in hosts {
            guard let share = layered.hosts[host] else { continue }
            size += rendered[share.groupLayer].renderedSize + 256 * (share.own.count + 1) + 4 * host.utf8.count
        }
        return size
    }
}
