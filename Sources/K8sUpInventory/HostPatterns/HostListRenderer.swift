/// Prints a host selection the way `ansible PATTERN --list-hosts` does, for
/// `k8sup inventory --limit P --list-hosts`:
///
///       hosts (2):
///         cp1
///         node01
package enum HostListRenderer {
    /// The listing, one line per host, each line ending in a newline.
    package static func listHosts(_ hosts: [String]) -> String {
        (["  hosts (\(hosts.count)):"] + hosts.map { "    \($0)" }).map { $0 + "\n" }.joined()
    }
}
