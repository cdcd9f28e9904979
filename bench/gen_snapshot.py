#!/usr/bin/env python3
"""Writes a large cluster for benchmark 2: a `kubectl get nodes,pods,pdb -A -o json` snapshot and the
Kubespray inventory that describes the same cluster.

Usage: bench/gen_snapshot.py OUTPUT_DIR [--nodes N] [--pods-per-node 30] [--pdbs-per-node 1]

Writes OUTPUT_DIR/inventory/hosts.yaml (with group_vars/) and OUTPUT_DIR/snapshot.json (beside the
inventory directory, not in it: Ansible and k8sup read every .json file in an inventory directory).

The cluster, like Kubespray builds it (containerd, Calico, nodelocaldns, kube-proxy, nginx-proxy):
- 3 control-plane nodes (5 from 1,000 nodes on) and workers, all at v1.29.10 and Ready, except one
  worker in 500 cordoned, one in 700 NotReady and one in 900 with DiskPressure; the inventory's
  kube_version is v1.30.4, so the plan has one hop over every node;
- kube-system: static pods kube-apiserver/-controller-manager/-scheduler-<node> (mirror annotations,
  owned by the Node) on the control plane, nginx-proxy-<node> on the workers, DaemonSets calico-node,
  kube-proxy and nodelocaldns on every node, coredns (PDB maxUnavailable 1);
- application namespaces (one per 10 nodes, at least 4), each with Deployments (via ReplicaSets) and
  StatefulSets of 1 to 8 replicas spread over the workers, filling each node to exactly
  `--pods-per-node` pods; a few bare pods, pods with emptyDir volumes and Succeeded Job pods;
- `--pdbs-per-node` x nodes PodDisruptionBudgets over the workloads: mostly healthy (minAvailable or
  maxUnavailable, matchLabels or matchExpressions), 1 in 150 with a single replica and minAvailable 1
  (never allows a disruption), 1 in 200 at 0 allowed because a pod is not Ready.

Deterministic: the same arguments give the same bytes. Items are written one at a time, in kubectl's
order (nodes, pods by namespace and name, PDBs), four-space indented, keys sorted.
"""
import argparse
import hashlib
import json
import os
import uuid

VERSION = "v1.29.10"
TARGET = "v1.30.4"
NOW = "2026-11-20T10:00:00Z"
NAMESPACE_UUID = uuid.UUID("0b5c3d1e-2f4a-4b6c-8d7e-9f0a1b2c3d4e")
ALPHABET = "bcdfghjklmnpqrstvwxz2456789"


def uid(*parts):
    return str(uuid.uuid5(NAMESPACE_UUID, "/".join(parts)))


def digest(*parts, length=64):
    return hashlib.sha256("/".join(parts).encode()).hexdigest()[:length]


def suffix(*parts, length=5):
    number = int(digest(*parts)[:24], 16)
    chars = []
    for _ in range(length):
        number, index = divmod(number, len(ALPHABET))
        chars.append(ALPHABET[index])
    return "".join(chars)


class Cluster:
    def __init__(self, nodes, pods_per_node, pdbs_per_node):
        control_plane = 3 if nodes < 1000 else 5
        if nodes <= control_plane:
            raise SystemExit(f"--nodes must be more than {control_plane}")
        self.control_plane = [f"cp-{index}" for index in range(1, control_plane + 1)]
        self.workers = [f"worker-{index:05d}" for index in range(1, nodes - control_plane + 1)]
        self.nodes = self.control_plane + self.workers
        self.address = {}
        for position, name in enumerate(self.nodes):
            self.address[name] = f"10.{40 + position // 60000}.{(position // 250) % 240}.{position % 250 + 1}"
        self.pods_per_node = pods_per_node
        self.pdb_count = pdbs_per_node * nodes
        self.namespaces = [f"team-{index:03d}" for index in range(max(4, nodes // 10))]
        self.resource_version = 81230000

    def next_resource_version(self):
        self.resource_version += 7
        return str(self.resource_version)

    def node_flags(self, name):
        if name in self.control_plane:
            return False, True, False
        index = int(name.rsplit("-", 1)[1])
        return index % 500 == 250, index % 700 != 350, index % 900 == 450  # cordoned, ready, disk pressure


# ------------------------------------------------------------------------------------------------ nodes

def condition(kind, status, reason, message, transition):
    return {"lastHeartbeatTime": NOW, "lastTransitionTime": transition, "message": message, "reason": reason,
            "status": status, "type": kind}


def node(cluster, name, position):
    is_cp = name in cluster.control_plane
    cordoned, ready, disk_pressure = cluster.node_flags(name)
    labels = {"beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
              "kubernetes.io/hostname": name, "kubernetes.io/os": "linux",
              "topology.kubernetes.io/zone": "eu-west-1" + "abc"[position % 3]}
    taints = []
    if is_cp:
        labels["node-role.kubernetes.io/control-plane"] = ""
        labels["node.kubernetes.io/exclude-from-external-load-balancers"] = ""
        taints.append({"effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane"})
    spec = {"podCIDR": f"10.233.{64 + position % 64}.0/24", "podCIDRs": [f"10.233.{64 + position % 64}.0/24"]}
    if cordoned:
        taints.append({"effect": "NoSchedule", "key": "node.kubernetes.io/unschedulable",
                       "timeAdded": "2026-11-19T16:42:10Z"})
        spec["unschedulable"] = True
    if not ready:
        taints.append({"effect": "NoSchedule", "key": "node.kubernetes.io/unreachable",
                       "timeAdded": "2026-11-20T09:41:00Z"})
    if taints:
        spec["taints"] = taints
    booted = "2026-10-02T07:5%d:1%dZ" % (position % 10, position % 10)
    memory, cpu = (16393452, "4") if is_cp else (65861412, "16")
    return {
        "apiVersion": "v1", "kind": "Node",
        "metadata": {
            "annotations": {
                "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock",
                "node.alpha.kubernetes.io/ttl": "0",
                "projectcalico.org/IPv4Address": f"{cluster.address[name]}/16",
                "projectcalico.org/IPv4VXLANTunnelAddr": f"10.233.{64 + position % 64}.0",
                "volumes.kubernetes.io/controller-managed-attach-detach": "true",
            },
            "creationTimestamp": "2025-03-12T09:%02d:%02dZ" % (position // 60 % 60, position % 60),
            "labels": labels, "name": name, "resourceVersion": cluster.next_resource_version(),
            "uid": uid("node", name),
        },
        "spec": spec,
        "status": {
            "addresses": [{"address": cluster.address[name], "type": "InternalIP"},
                          {"address": name, "type": "Hostname"}],
            "allocatable": {"cpu": cpu, "ephemeral-storage": "189160670510", "hugepages-1Gi": "0",
                            "hugepages-2Mi": "0", "memory": "%dKi" % (memory - 819200), "pods": "110"},
            "capacity": {"cpu": cpu, "ephemeral-storage": "205252464Ki", "hugepages-1Gi": "0",
                         "hugepages-2Mi": "0", "memory": "%dKi" % memory, "pods": "110"},
            "conditions": [
                condition("NetworkUnavailable", "False", "CalicoIsUp", "Calico is running on this node", booted),
                condition("MemoryPressure", "False", "KubeletHasSufficientMemory",
                          "kubelet has sufficient memory available", booted),
                condition("DiskPressure", "True" if disk_pressure else "False",
                          "KubeletHasDiskPressure" if disk_pressure else "KubeletHasNoDiskPressure",
                          "kubelet has disk pressure" if disk_pressure else "kubelet has no disk pressure", booted),
                condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available",
                          booted),
                condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", booted) if ready
                else condition("Ready", "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status.",
                               "2026-11-20T09:40:20Z"),
            ],
            "daemonEndpoints": {"kubeletEndpoint": {"Port": 10250}},
            "nodeInfo": {
                "architecture": "amd64", "bootID": uid("boot", name), "containerRuntimeVersion": "containerd://1.7.22",
                "kernelVersion": "6.8.0-45-generic", "kubeProxyVersion": VERSION, "kubeletVersion": VERSION,
                "machineID": digest("machine", name, length=32), "operatingSystem": "linux",
                "osImage": "Ubuntu 24.04.1 LTS", "systemUUID": uid("system", name),
            },
        },
    }


# ------------------------------------------------------------------------------------------------- pods

TOLERATIONS = [
    {"effect": "NoExecute", "key": "node.kubernetes.io/not-ready", "operator": "Exists", "tolerationSeconds": 300},
    {"effect": "NoExecute", "key": "node.kubernetes.io/unreachable", "operator": "Exists", "tolerationSeconds": 300},
]


def container(name, image, ports=(), requests=None, limits=None, mounts=()):
    entry = {"image": image, "imagePullPolicy": "IfNotPresent", "name": name,
             "resources": {key: value for key, value in (("limits", limits), ("requests", requests)) if value},
             "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File"}
    if ports:
        entry["ports"] = [{"containerPort": port, "name": port_name, "protocol": "TCP"} for port_name, port in ports]
    if mounts:
        entry["volumeMounts"] = [{"mountPath": path, "name": volume} for volume, path in mounts]
    return entry


def pod(cluster, namespace, name, node_name, labels, containers, *, owner=None, annotations=None, volumes=(),
        ready=True, finished=False, host_network=False, static=False, priority_class=None):
    metadata = {"creationTimestamp": "2026-10-%02dT%02d:%02d:11Z" % (1 + len(name) % 28, len(name) % 24,
                                                                     len(namespace) % 60),
                "labels": labels, "name": name, "namespace": namespace,
                "resourceVersion": cluster.next_resource_version(), "uid": uid("pod", namespace, name)}
    if annotations:
        metadata["annotations"] = annotations
    if owner:
        kind, owner_name = owner
        api_version = "v1" if kind == "Node" else ("batch/v1" if kind == "Job" else "apps/v1")
        metadata["ownerReferences"] = [{"apiVersion": api_version, "blockOwnerDeletion": True, "controller": True,
                                        "kind": kind, "name": owner_name,
                                        "uid": uid(kind, namespace, owner_name)}]
        if kind in ("ReplicaSet", "DaemonSet", "Job"):
            metadata["generateName"] = name.rsplit("-", 1)[0] + "-"
    all_volumes = list(volumes)
    if not static:
        all_volumes.append({"name": "kube-api-access-" + suffix("token", namespace, name), "projected": {
            "defaultMode": 420, "sources": [
                {"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}},
                {"configMap": {"items": [{"key": "ca.crt", "path": "ca.crt"}], "name": "kube-root-ca.crt"}}]}})
    spec = {"containers": containers, "dnsPolicy": "ClusterFirst", "enableServiceLinks": True,
            "nodeName": node_name, "preemptionPolicy": "PreemptLowerPriority", "priority": 0,
            "restartPolicy": "Never" if finished else "Always", "schedulerName": "default-scheduler",
            "securityContext": {}, "serviceAccountName": "default", "terminationGracePeriodSeconds": 30,
            "tolerations": TOLERATIONS, "volumes": all_volumes}
    if host_network:
        spec["hostNetwork"] = True
    if priority_class:
        spec["priorityClassName"] = priority_class
        spec["priority"] = 2000001000
    started = metadata["creationTimestamp"]
    ip = cluster.address[node_name] if host_network else "10.233.%d.%d" % (64 + len(name) % 64, 2 + len(name) % 250)
    status = {
        "conditions": [
            {"lastProbeTime": None, "lastTransitionTime": started, "status": "True", "type": "Initialized"},
            {"lastProbeTime": None, "lastTransitionTime": started, "status": "True" if ready else "False",
             "type": "Ready"},
            {"lastProbeTime": None, "lastTransitionTime": started, "status": "True" if ready else "False",
             "type": "ContainersReady"},
            {"lastProbeTime": None, "lastTransitionTime": started, "status": "True", "type": "PodScheduled"},
        ],
        "containerStatuses": [{
            "containerID": "containerd://" + digest("container", namespace, name, entry["name"]),
            "image": entry["image"], "imageID": entry["image"].rsplit(":", 1)[0] + "@sha256:" + digest(entry["image"]),
            "lastState": {}, "name": entry["name"], "ready": ready and not finished,
            "restartCount": 0 if ready else 7, "started": not finished,
            "state": {"terminated": {"exitCode": 0, "finishedAt": started, "reason": "Completed",
                                     "startedAt": started}} if finished else {"running": {"startedAt": started}},
        } for entry in containers],
        "hostIP": cluster.address[node_name], "phase": "Succeeded" if finished else "Running",
        "podIP": ip, "podIPs": [{"ip": ip}], "qosClass": "Burstable", "startTime": started,
    }
    return {"apiVersion": "v1", "kind": "Pod", "metadata": metadata, "spec": spec, "status": status}


def system_pods(cluster):
    """kube-system: static pods, DaemonSet pods, coredns. Returns (pods, pods per node)."""
    pods = []
    count = {name: 0 for name in cluster.nodes}

    def add(item):
        pods.append(item)
        count[item["spec"]["nodeName"]] += 1

    for node_name in cluster.control_plane:
        for component, port in (("kube-apiserver", 6443), ("kube-controller-manager", 10257),
                                ("kube-scheduler", 10259)):
            config_hash = digest("config", component, node_name, length=32)
            add(pod(cluster, "kube-system", f"{component}-{node_name}", node_name,
                    {"component": component, "tier": "control-plane"},
                    [container(component, f"registry.k8s.io/{component}:{VERSION}",
                               requests={"cpu": "250m" if component == "kube-apiserver" else "100m"})],
                    owner=("Node", node_name), static=True, host_network=True,
                    priority_class="system-node-critical",
                    annotations={"kubernetes.io/config.hash": config_hash, "kubernetes.io/config.mirror": config_hash,
                                 "kubernetes.io/config.seen": "2026-10-02T07:50:10.123456789Z",
                                 "kubernetes.io/config.source": "file",
                                 "kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint":
                                     f"{cluster.address[node_name]}:{port}"}))
    for node_name in cluster.workers:
        config_hash = digest("config", "nginx-proxy", node_name, length=32)
        add(pod(cluster, "kube-system", f"nginx-proxy-{node_name}", node_name,
                {"addonmanager.kubernetes.io/mode": "Reconcile", "k8s-app": "kube-nginx"},
                [container("nginx-proxy", "docker.io/library/nginx:1.27.2-alpine", requests={"cpu": "25m"})],
                owner=("Node", node_name), static=True, host_network=True, priority_class="system-node-critical",
                annotations={"kubernetes.io/config.hash": config_hash, "kubernetes.io/config.mirror": config_hash,
                             "kubernetes.io/config.source": "file"}))
    for node_name in cluster.nodes:
        for daemon, image in (("calico-node", "quay.io/calico/node:v3.28.2"),
                              ("kube-proxy", f"registry.k8s.io/kube-proxy:{VERSION}"),
                              ("nodelocaldns", "registry.k8s.io/dns/k8s-dns-node-cache:1.23.1")):
            add(pod(cluster, "kube-system", f"{daemon}-{suffix(daemon, node_name)}", node_name,
                    {"controller-revision-hash": digest("rev", daemon, length=10), "k8s-app": daemon,
                     "pod-template-generation": "2"},
                    [container(daemon, image, requests={"cpu": "150m", "memory": "64M"})],
                    owner=("DaemonSet", daemon), host_network=True, priority_class="system-node-critical",
                    volumes=[{"hostPath": {"path": "/lib/modules", "type": ""}, "name": "lib-modules"}]))
    coredns_hash = suffix("coredns-rs", length=10)
    for replica in range(2):
        node_name = cluster.workers[replica * len(cluster.workers) // 2]
        add(pod(cluster, "kube-system", f"coredns-{coredns_hash}-{suffix('coredns', str(replica))}", node_name,
                {"k8s-app": "kube-dns", "pod-template-hash": coredns_hash},
                [container("coredns", "registry.k8s.io/coredns/coredns:v1.11.3",
                           ports=(("dns", 53), ("metrics", 9153)), requests={"cpu": "100m", "memory": "70Mi"},
                           limits={"memory": "300Mi"})],
                owner=("ReplicaSet", f"coredns-{coredns_hash}")))
    return pods, count


def workload_pods(cluster, free):
    """Application pods filling every node to `pods_per_node`; returns (pods, workloads)."""
    # Slots on workers, node by node round-robin, so replicas of a workload land on different nodes.
    slots = []
    remaining = {name: free[name] for name in cluster.workers}
    while any(remaining.values()):
        for name in cluster.workers:
            if remaining[name] > 0:
                slots.append(name)
                remaining[name] -= 1
    pods = []
    workloads = []
    position = 0
    index = 0
    while position < len(slots):
        replicas = 1 + (index * 7) % 8
        replicas = min(replicas, len(slots) - position)
        namespace = cluster.namespaces[index % len(cluster.namespaces)]
        kind = "StatefulSet" if index % 9 == 4 else "Deployment"
        app = f"svc-{index:05d}"
        template_hash = suffix("hash", namespace, app, length=10)
        labels = {"app.kubernetes.io/name": app, "app.kubernetes.io/part-of": namespace,
                  "app.kubernetes.io/managed-by": "Helm", "tier": "backend" if index % 2 else "frontend"}
        names = []
        for replica in range(replicas):
            node_name = slots[position + replica]
            pod_labels = dict(labels)
            if kind == "Deployment":
                pod_labels["pod-template-hash"] = template_hash
                name = f"{app}-{template_hash}-{suffix(namespace, app, str(replica))}"
                owner = ("ReplicaSet", f"{app}-{template_hash}")
            else:
                name = f"{app}-{replica}"
                pod_labels["statefulset.kubernetes.io/pod-name"] = name
                pod_labels["controller-revision-hash"] = f"{app}-{template_hash[:9]}"
                owner = ("StatefulSet", app)
            volumes = []
            if index % 41 == 6:
                volumes.append({"emptyDir": {}, "name": "cache"})
            if kind == "StatefulSet":
                volumes.append({"name": "data", "persistentVolumeClaim": {"claimName": f"data-{name}"}})
            if index % 997 == 500 and replica == 0:
                owner = None  # a bare pod someone started by hand
                pod_labels = {"run": app}
            ready = not (index % 200 == 17 and replica == 0)
            pods.append(pod(cluster, namespace, name, node_name, pod_labels,
                            [container("app", f"harbor.internal.example/{namespace}/{app}:1.{index % 40}.{replica}",
                                       ports=(("http", 8080), ("metrics", 9090)),
                                       requests={"cpu": "200m", "memory": "256Mi"}, limits={"memory": "512Mi"},
                                       mounts=[(volume["name"], "/data") for volume in volumes])],
                            owner=owner, volumes=volumes, ready=ready,
                            annotations={"prometheus.io/port": "9090", "prometheus.io/scrape": "true"}))
            names.append((name, ready))
        if index % 997 != 500:  # no budget over a workload with a hand-made pod
            workloads.append((namespace, app, labels, names))
        position += replicas
        index += 1
    return pods, workloads


def budget(cluster, namespace, name, spec, healthy, desired, allowed, expected):
    return {
        "apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
        "metadata": {"annotations": {"meta.helm.sh/release-name": name, "meta.helm.sh/release-namespace": namespace},
                     "creationTimestamp": "2026-09-14T10:33:50Z", "generation": 1,
                     "labels": {"app.kubernetes.io/managed-by": "Helm"}, "name": name, "namespace": namespace,
                     "resourceVersion": cluster.next_resource_version(),
                     "uid": uid("PodDisruptionBudget", namespace, name)},
        "spec": spec,
        "status": {"conditions": [{"lastTransitionTime": "2026-11-20T08:12:51Z", "message": "",
                                   "observedGeneration": 1,
                                   "reason": "SufficientPods" if allowed > 0 else "InsufficientPods",
                                   "status": "True" if allowed > 0 else "False", "type": "DisruptionAllowed"}],
                   "currentHealthy": healthy, "desiredHealthy": desired, "disruptionsAllowed": allowed,
                   "expectedPods": expected, "observedGeneration": 1},
    }


def budgets(cluster, workloads):
    result = [budget(cluster, "kube-system", "coredns",
                     {"maxUnavailable": 1, "selector": {"matchLabels": {"k8s-app": "kube-dns"}}}, 2, 1, 1, 2)]
    # Budgets over the workloads; single-replica ones get one only now and then (the never-allows case).
    chosen = []
    for position, entry in enumerate(workloads):
        if len(chosen) >= cluster.pdb_count - 1:
            break
        replicas = len(entry[3])
        if replicas == 1 and position % 150 != 0:
            continue
        chosen.append(entry)
    for position, (namespace, app, labels, names) in enumerate(chosen):
        expected = len(names)
        healthy = sum(1 for _name, ready in names if ready)
        if position % 3 == 0:
            selector = {"matchExpressions": [
                {"key": "app.kubernetes.io/name", "operator": "In", "values": [app]},
                {"key": "tier", "operator": "NotIn", "values": ["canary"]}]}
        else:
            selector = {"matchLabels": {"app.kubernetes.io/name": app}}
        if expected == 1 or position % 2 == 0:
            minimum = max(1, expected - 1) if expected > 1 else 1
            spec = {"minAvailable": minimum, "selector": selector}
            desired = minimum
        else:
            spec = {"maxUnavailable": 1, "selector": selector}
            desired = expected - 1
        allowed = max(0, healthy - desired)
        result.append(budget(cluster, namespace, app, spec, healthy, desired, allowed, expected))
    return result


def inventory(cluster, root):
    os.makedirs(os.path.join(root, "group_vars", "k8s_cluster"), exist_ok=True)
    lines = ["# Generated by bench/gen_snapshot.py.", "all:", "  vars:", "    ansible_user: ubuntu",
             "    ansible_become: true", "  hosts:"]
    for name in cluster.nodes:
        address = cluster.address[name]
        lines.append(f"    {name}: {{ansible_host: {address}, ip: {address}, access_ip: {address}}}")
    lines += ["  children:", "    kube_control_plane:", "      hosts:"]
    lines += [f"        {name}:" for name in cluster.control_plane]
    lines += ["    etcd:", "      children:", "        kube_control_plane:", "    kube_node:", "      hosts:"]
    lines += [f"        {name}:" for name in cluster.workers]
    lines += ["    k8s_cluster:", "      children:", "        kube_control_plane:", "        kube_node:",
              "    calico_rr:", "      hosts: {}"]
    with open(os.path.join(root, "hosts.yaml"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    with open(os.path.join(root, "group_vars", "k8s_cluster", "k8s-cluster.yml"), "w", encoding="utf-8") as handle:
        handle.write(f"---\nkube_version: {TARGET}\nkube_network_plugin: calico\ncontainer_manager: containerd\n"
                     "drain_grace_period: 300\ndrain_timeout: 360s\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--nodes", type=int, default=1000)
    parser.add_argument("--pods-per-node", type=int, default=30)
    parser.add_argument("--pdbs-per-node", type=int, default=1)
    args = parser.parse_args()
    cluster = Cluster(args.nodes, args.pods_per_node, args.pdbs_per_node)
    system, used = system_pods(cluster)
    free = {name: max(0, args.pods_per_node - used[name]) for name in cluster.nodes}
    # Control-plane nodes are tainted: their remaining slots hold more kube-system DaemonSet pods.
    for name in cluster.control_plane:
        for slot in range(free[name]):
            system.append(pod(cluster, "kube-system", f"cp-agent-{slot}-{suffix('agent', name, str(slot))}", name,
                              {"k8s-app": f"cp-agent-{slot}"},
                              [container("agent", "harbor.internal.example/ops/agent:2.4.0")],
                              owner=("DaemonSet", f"cp-agent-{slot}")))
        free[name] = 0
    workload, workloads = workload_pods(cluster, free)
    pods = sorted(system + workload, key=lambda item: (item["metadata"]["namespace"], item["metadata"]["name"]))
    pdbs = budgets(cluster, workloads)
    nodes = [node(cluster, name, position) for position, name in enumerate(cluster.nodes)]
    os.makedirs(args.output, exist_ok=True)
    path = os.path.join(args.output, "snapshot.json")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('{\n    "apiVersion": "v1",\n    "items": [\n')
        items = nodes + pods + pdbs
        for position, item in enumerate(items):
            text = json.dumps(item, indent=4, sort_keys=True)
            handle.write("        " + text.replace("\n", "\n        "))
            handle.write(",\n" if position + 1 < len(items) else "\n")
        handle.write('    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n')
    inventory(cluster, os.path.join(args.output, "inventory"))
    print(f"wrote {path}: {len(nodes)} nodes, {len(pods)} pods, {len(pdbs)} PDBs, "
          f"{os.path.getsize(path) / 1e6:.0f} MB; inventory {os.path.join(args.output, 'inventory')}")


if __name__ == "__main__":
    main()
