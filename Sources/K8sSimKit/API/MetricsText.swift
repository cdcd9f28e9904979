/// `/metrics` in Prometheus text format: a few ordinary apiserver metrics, plus
/// `apiserver_requested_deprecated_apis` for the deprecated APIs the scenario says were requested.
enum MetricsText {
    static func render(deprecated: [SimDeprecatedRequest], requests: Int) -> String {
        var lines = [
            "# HELP apiserver_request_total [STABLE] Counter of apiserver requests broken out for each verb, dry run value, group, version, resource, scope, component, and HTTP response code.",
            "# TYPE apiserver_request_total counter",
            "apiserver_request_total{code=\"200\",component=\"apiserver\",dry_run=\"\",group=\"\",resource=\"nodes\",scope=\"cluster\",subresource=\"\",verb=\"LIST\",version=\"v1\"} \(requests)",
            "# HELP apiserver_storage_objects [STABLE] Number of stored objects at the time of last check split by kind.",
            "# TYPE apiserver_storage_objects gauge",
            "apiserver_storage_objects{resource=\"pods\"} 1",
        ]
        if !deprecated.isEmpty {
            lines.append(
                "# HELP apiserver_requested_deprecated_apis [STABLE] Gauge of deprecated APIs that have been requested, broken out by API group, version, resource, subresource, and removed_release."
            )
            lines.append("# TYPE apiserver_requested_deprecated_apis gauge")
            for use in deprecated {
                lines.append(
                    "apiserver_requested_deprecated_apis{group=\"\(use.group)\",removed_release=\"\(use.removedRelease)\","
                        + "resource=\"\(use.resource)\",subresource=\"\(use.subresource)\",version=\"\(use.version)\"} 1"
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
