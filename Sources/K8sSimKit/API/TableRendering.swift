import Foundation
import K8sUpReaders
import K8sUpSupport
import PythonParity

/// Server-side printing: the `meta.k8s.io/v1` Table kubectl asks for (`Accept: …;as=Table`) in a plain
/// `kubectl get`, with the columns a real apiserver prints for nodes, pods and PDBs (Name/Age otherwise).
enum TableRendering {
    static func wantsTable(_ request: HTTPRequest) -> Bool {
        (request.headers["accept"] ?? "").contains("as=Table")
    }

    private struct Column {
        var name: String
        var type = "string"
        var format = ""
        var priority = 0
        var cell: (DataValue) -> DataValue
    }

    static func table(_ kind: ResourceKind, _ list: DataValue, now: Double) -> DataValue? {
        let age = Column(name: "Age", cell: { .string(self.age($0.string("metadata", "creationTimestamp"), now: now)) })
        let name = Column(name: "Name", format: "name", cell: { .string($0.objectName) })
        var columns: [Column]
        switch kind {
        case .nodes:
            columns = [
                name, Column(name: "Status", cell: { .string(nodeStatus($0)) }),
                Column(name: "Roles", cell: { .string(roles($0)) }), age,
                Column(name: "Version", cell: { .string($0.string("status", "nodeInfo", "kubeletVersion") ?? "") }),
                Column(name: "Internal-IP", priority: 1, cell: { .string(internalIP($0)) }),
            ]
        case .pods:
            columns = [
                name, Column(name: "Ready", cell: { .string(podReady($0)) }),
                Column(name: "Status", cell: { .string($0.string("status", "phase") ?? "Unknown") }),
                Column(name: "Restarts", type: "string", cell: { _ in "0" }), age,
                Column(name: "Node", priority: 1, cell: { .string($0.string("spec", "nodeName") ?? "<none>") }),
            ]
        case .budgets:
            columns = [
                name,
                Column(
                    name: "Min Available",
                    cell: { $0[["spec", "minAvailable"]].map { .string($0.scalarText) } ?? "N/A" }),
                Column(
                    name: "Max Unavailable",
                    cell: { $0[["spec", "maxUnavailable"]].map { .string($0.scalarText) } ?? "N/A" }),
                Column(
                    name: "Allowed Disruptions", type: "integer", cell: { $0[["status", "disruptionsAllowed"]] ?? 0 }),
                age,
            ]
        default:
            columns = [name, age]
        }
        let items = list[["items"]]?.listValue ?? []
        let rows: [DataValue] = items.map { item in
            var metadata = item[["metadata"]] ?? [:]
            metadata[["managedFields"]] = nil
            return [
                "cells": .list(columns.map { $0.cell(item) }),
                "object": ["kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": metadata],
            ]
        }
        return [
            "kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": list[["metadata"]] ?? [:],
            "columnDefinitions": .list(
                columns.map {
                    [
                        "name": .string($0.name), "type": .string($0.type), "format": .string($0.format),
                        "description": "",
                        "priority": .int($0.priority),
                    ]
                }),
            "rows": .list(rows),
        ]
    }

    static func nodeStatus(_ node: DataValue) -> String {
        let ready = (node[["status", "conditions"]]?.listValue ?? []).first { $0.string("type") == "Ready" }
        var status = ready?.string("status") == "True" ? "Ready" : ready == nil ? "Unknown" : "NotReady"
        if node[["spec", "unschedulable"]] == .bool(true) { status += ",SchedulingDisabled" }
        return status
    }

    static func roles(_ node: DataValue) -> String {
        let prefix = "node-role.kubernetes.io/"
        let names = node.stringMap("metadata", "labels").keys.filter { $0.hasPrefix(prefix) }.map {
            String($0.dropFirst(prefix.count))
        }
        return names.isEmpty ? "<none>" : names.sorted().joined(separator: ",")
    }

    static func internalIP(_ node: DataValue) -> String {
        (node[["status", "addresses"]]?.listValue ?? []).first { $0.string("type") == "InternalIP" }?.string("address")
            ?? "<none>"
    }

    static func podReady(_ pod: DataValue) -> String {
        let statuses = pod[["status", "containerStatuses"]]?.listValue ?? []
        let total = pod[["spec", "containers"]]?.listValue?.count ?? 0
        return "\(statuses.filter { $0[["ready"]] == .bool(true) }.count)/\(total)"
    }

    /// kubectl's `HumanDuration`, close enough for a simulator.
    static func age(_ timestamp: String?, now: Double) -> String {
        guard let timestamp, let date = try? Date(timestamp, strategy: .iso8601) else { return "<unknown>" }
        let seconds = max(0, Int(now - date.timeIntervalSince1970))
        let minutes = seconds / 60
        let hours = minutes / 60
        let days = hours / 24
        switch seconds {
        case ..<120: return "\(seconds)s"
        case ..<600: return seconds % 60 == 0 ? "\(minutes)m" : "\(minutes)m\(seconds % 60)s"
        case ..<10_800: return "\(minutes)m"
        case ..<28_800: return minutes % 60 == 0 ? "\(hours)h" : "\(hours)h\(minutes % 60)m"
        case ..<172_800: return "\(hours)h"
        case ..<691_200: return hours % 24 == 0 ? "\(days)d" : "\(days)d\(hours % 24)h"
        case ..<63_072_000: return "\(days)d"
        default: return "\(days / 365)y"
        }
    }
}
