#!/usr/bin/env python3
"""Writes Inventories/sample.snapshot.json: what `kubectl get nodes,pods,pdb -A -o json` prints for the
sample cluster of Inventories/sample (Kubespray v2.24.0 defaults: Kubernetes v1.28.6, containerd,
Calico, nodelocaldns, kube-proxy in ipvs mode, nginx-proxy on the workers, etcd as a host service).

Usage: generate_sample_snapshot.py [OUTPUT]   (default: the repository's Inventories/sample.snapshot.json)

The file sits beside the inventory directory, not in it: Ansible (and k8sup, which reads inventories as
Ansible does) parses every `.json` file in an inventory directory as an inventory source.

The output is deterministic (uids, hashes and times derive from names), so re-running it changes the
file only when this script changes. The layout follows kubectl: a `List`, items sorted nodes, pods (by
namespace, then name), PDBs; keys sorted; four-space indentation.

What it holds (SnapshotSampleTests asserts the key facts):
- cp-1..cp-3 (control plane), worker-1..worker-4, worker-5.prod.example (inventory host worker-5) and
  worker-6, which is not in the inventory; all Ready at v1.28.6; worker-4 cordoned.
- DaemonSets calico-node, kube-proxy, nodelocaldns on every node; static pods kube-apiserver,
  kube-controller-manager, kube-scheduler on the control plane and nginx-proxy on the workers.
- kube-system coredns x2 (PDB maxUnavailable 1), calico-kube-controllers, dns-autoscaler.
- istio-system istiod and istio-ingressgateway, one replica each, PDBs minAvailable 1 with 0 allowed.
- shop web x3 (PDB minAvailable 2), api x2 (PDB maxUnavailable 1, matchExpressions selector).
- logging elasticsearch x3, elasticsearch-1 not ready (PDB maxUnavailable 1, 0 allowed).
- cache redis-0 with an emptyDir volume; default/debug-shell without a controller; a Succeeded Job pod.
"""

import hashlib
import json
import os
import sys
import uuid

VERSION = "v1.28.6"
CALICO = "v3.26.4"
NOW = "2025-05-20T10:00:00Z"
NAMESPACE_UUID = uuid.UUID("6f1c2a3e-8d4b-4c5a-9e7f-0a1b2c3d4e5f")


def uid(*parts):
    return str(uuid.uuid5(NAMESPACE_UUID, "/".join(parts)))


def digest(*parts, length=64):
    return hashlib.sha256("/".join(parts).encode()).hexdigest()[:length]


def suffix(*parts, length=5):
    """A Kubernetes random-name suffix (consonants and digits, as `rand.String` uses)."""
    alphabet = "bcdfghjklmnpqrstvwxz2456789"
    number = int(digest(*parts), 16)
    chars = []
    for _ in range(length):
        number, index = divmod(number, len(alphabet))
        chars.append(alphabet[index])
    return "".join(chars)


def template_hash(name):
    """A pod-template-hash (ReplicaSet name suffix), e.g. 5d8f7c9b6."""
    return suffix("hash", name, length=10)[:10]


_resource_versions = iter(range(48211000, 48299999, 37))


def resource_version():
    return str(next(_resource_versions))


# ---------------------------------------------------------------------------------------------- nodes

NODES = [
    # name, inventory-style address, control plane, created
    ("cp-1", "10.20.0.11", True, "2024-03-12T09:14:07Z"),
    ("cp-2", "10.20.0.12", True, "2024-03-12T09:17:41Z"),
    ("cp-3", "10.20.0.13", True, "2024-03-12T09:18:02Z"),
    ("worker-1", "10.20.1.21", False, "2024-03-12T09:21:33Z"),
    ("worker-2", "10.20.1.22", False, "2024-03-12T09:21:34Z"),
    ("worker-3", "10.20.1.23", False, "2024-03-12T09:21:34Z"),
    ("worker-4", "10.20.1.24", False, "2024-03-12T09:21:36Z"),
    ("worker-5.prod.example", "10.20.1.25", False, "2024-03-12T09:21:35Z"),
    ("worker-6", "10.20.1.26", False, "2024-09-03T14:02:19Z"),
]
CORDONED = {"worker-4": "2025-05-19T16:42:10Z"}
NODE_INDEX = {name: index for index, (name, *_rest) in enumerate(NODES)}
ADDRESSES = {name: address for name, address, *_rest in NODES}
CONTROL_PLANE = [name for name, _address, is_cp, _created in NODES if is_cp]
WORKERS = [name for name, _address, is_cp, _created in NODES if not is_cp]

IMAGES = {
    "kube-apiserver": f"registry.k8s.io/kube-apiserver:{VERSION}",
    "kube-controller-manager": f"registry.k8s.io/kube-controller-manager:{VERSION}",
    "kube-scheduler": f"registry.k8s.io/kube-scheduler:{VERSION}",
    "kube-proxy": f"registry.k8s.io/kube-proxy:{VERSION}",
    "calico-node": f"quay.io/calico/node:{CALICO}",
    "calico-cni": f"quay.io/calico/cni:{CALICO}",
    "calico-kube-controllers": f"quay.io/calico/kube-controllers:{CALICO}",
    "nodelocaldns": "registry.k8s.io/dns/k8s-dns-node-cache:1.22.28",
    "coredns": "registry.k8s.io/coredns/coredns:v1.10.1",
    "dns-autoscaler": "registry.k8s.io/cpa/cluster-proportional-autoscaler:v1.8.8",
    "nginx-proxy": "docker.io/library/nginx:1.25.2-alpine",
    "pause": "registry.k8s.io/pause:3.9",
    "istiod": "docker.io/istio/pilot:1.20.3",
    "istio-proxy": "docker.io/istio/proxyv2:1.20.3",
    "web": "harbor.prod.example/shop/web:2.14.1",
    "api": "harbor.prod.example/shop/api:3.7.0",
    "elasticsearch": "docker.elastic.co/elasticsearch/elasticsearch:8.13.4",
    "redis": "docker.io/library/redis:7.2.4-alpine",
    "busybox": "docker.io/library/busybox:1.36.1",
    "db-migrate": "harbor.prod.example/shop/api:3.7.0",
}
# Compressed sizes as the kubelet reports them (approximately those of the real images).
IMAGE_SIZES = {
    "kube-apiserver": 34577915, "kube-controller-manager": 33442193, "kube-scheduler": 18518543,
    "kube-proxy": 28398561, "calico-node": 86590722, "calico-cni": 93290617, "calico-kube-controllers": 33054918,
    "nodelocaldns": 29989131, "coredns": 16190758, "dns-autoscaler": 10981290, "nginx-proxy": 17617284,
    "pause": 321520, "istiod": 72980811, "istio-proxy": 98064133, "web": 61442031, "api": 48116230,
    "elasticsearch": 690232114, "redis": 15234776, "busybox": 2159952, "db-migrate": 48116230,
}


def pod_block(node):
    """The first address of the node's Calico IPAM block (a /26 out of kube_pods_subnet 10.233.64.0/18)."""
    index = NODE_INDEX[node]
    return (64 + (index * 11) % 60, 64 * (index % 4))


def condition(kind, status, reason, message, transition, heartbeat=NOW):
    return {
        "lastHeartbeatTime": heartbeat,
        "lastTransitionTime": transition,
        "message": message,
        "reason": reason,
        "status": status,
        "type": kind,
    }


def node_images(node):
    names = ["calico-node", "calico-cni", "kube-proxy", "nodelocaldns", "pause"]
    names += ["kube-apiserver", "kube-controller-manager", "kube-scheduler"] if node in CONTROL_PLANE else ["nginx-proxy"]
    names += [image for pod_node, image in POD_IMAGES_BY_NODE if pod_node == node and image not in names]
    images = []
    for name in names:
        reference = IMAGES[name]
        repository = reference.rsplit(":", 1)[0]
        images.append({"names": [f"{repository}@sha256:{digest('image', reference)}", reference],
                       "sizeBytes": IMAGE_SIZES[name]})
    return sorted(images, key=lambda image: -image["sizeBytes"])


def node(name, address, is_control_plane, created):
    index = NODE_INDEX[name]
    block = pod_block(name)
    labels = {
        "beta.kubernetes.io/arch": "amd64",
        "beta.kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": name,
        "kubernetes.io/os": "linux",
    }
    taints = []
    if is_control_plane:
        labels["node-role.kubernetes.io/control-plane"] = ""
        labels["node.kubernetes.io/exclude-from-external-load-balancers"] = ""
        taints.append({"effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane"})
    if name == "worker-5.prod.example":
        labels["node-role.kubernetes.io/ingress"] = ""
    spec = {"podCIDR": f"10.233.{64 + index}.0/24", "podCIDRs": [f"10.233.{64 + index}.0/24"]}
    if name in CORDONED:
        taints.append({"effect": "NoSchedule", "key": "node.kubernetes.io/unschedulable",
                       "timeAdded": CORDONED[name]})
        spec["unschedulable"] = True
    if taints:
        spec["taints"] = taints
    booted = "2025-04-02T07:5%d:1%dZ" % (index % 10, index % 10)
    memory, cpu = (8003784, "4") if is_control_plane else (32866468, "8")
    return {
        "apiVersion": "v1",
        "kind": "Node",
        "metadata": {
            "annotations": {
                "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock",
                "node.alpha.kubernetes.io/ttl": "0",
                "projectcalico.org/IPv4Address": f"{address}/24",
                "projectcalico.org/IPv4VXLANTunnelAddr": "10.233.%d.%d" % (block[0], block[1]),
                "volumes.kubernetes.io/controller-managed-attach-detach": "true",
            },
            "creationTimestamp": created,
            "labels": labels,
            "name": name,
            "resourceVersion": resource_version(),
            "uid": uid("node", name),
        },
        "spec": spec,
        "status": {
            "addresses": [{"address": address, "type": "InternalIP"}, {"address": name, "type": "Hostname"}],
            "allocatable": {"cpu": cpu, "ephemeral-storage": "94580335255", "hugepages-1Gi": "0",
                            "hugepages-2Mi": "0", "memory": "%dKi" % (memory - 204800), "pods": "110"},
            "capacity": {"cpu": cpu, "ephemeral-storage": "102626232Ki", "hugepages-1Gi": "0",
                         "hugepages-2Mi": "0", "memory": "%dKi" % memory, "pods": "110"},
            "conditions": [
                condition("NetworkUnavailable", "False", "CalicoIsUp", "Calico is running on this node",
                          booted, heartbeat=booted),
                condition("MemoryPressure", "False", "KubeletHasSufficientMemory",
                          "kubelet has sufficient memory available", booted),
                condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", booted),
                condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available",
                          booted),
                condition("Ready", "True", "KubeletReady", "kubelet is posting ready status. AppArmor enabled",
                          booted),
            ],
            "daemonEndpoints": {"kubeletEndpoint": {"Port": 10250}},
            "images": node_images(name),
            "nodeInfo": {
                "architecture": "amd64",
                "bootID": uid("boot", name, booted),
                "containerRuntimeVersion": "containerd://1.7.11",
                "kernelVersion": "5.15.0-105-generic",
                "kubeProxyVersion": VERSION,
                "kubeletVersion": VERSION,
                "machineID": digest("machine", name, length=32),
                "operatingSystem": "linux",
                "osImage": "Ubuntu 22.04.4 LTS",
                "systemUUID": uid("system", name),
            },
        },
    }


# ---------------------------------------------------------------------------------------------- pods
# Each workload yields pod descriptions; `pod()` renders them with the fields every pod has.

POD_IMAGES_BY_NODE = []  # (node, image key) of the workload pods, for the nodes' image lists


def token_volume(pod_name):
    return {
        "name": "kube-api-access-" + suffix("token", pod_name),
        "projected": {
            "defaultMode": 420,
            "sources": [
                {"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}},
                {"configMap": {"items": [{"key": "ca.crt", "path": "ca.crt"}], "name": "kube-root-ca.crt"}},
                {"downwardAPI": {"items": [{"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"},
                                            "path": "namespace"}]}},
            ],
        },
    }


def host_path(name, path, kind=None):
    source = {"path": path}
    if kind:
        source["type"] = kind
    return {"hostPath": source, "name": name}


_next_pod_ip = {}


def pod_ip(node):
    first, last = pod_block(node)
    offset = _next_pod_ip.get(node, 1)
    _next_pod_ip[node] = offset + 1
    return "10.233.%d.%d" % (first, last + offset)


DEFAULT_TOLERATIONS = [
    {"effect": "NoExecute", "key": "node.kubernetes.io/not-ready", "operator": "Exists", "tolerationSeconds": 300},
    {"effect": "NoExecute", "key": "node.kubernetes.io/unreachable", "operator": "Exists", "tolerationSeconds": 300},
]

DAEMONSET_TOLERATIONS = [
    {"effect": "NoExecute", "key": "node.kubernetes.io/not-ready", "operator": "Exists"},
    {"effect": "NoExecute", "key": "node.kubernetes.io/unreachable", "operator": "Exists"},
    {"effect": "NoSchedule", "key": "node.kubernetes.io/disk-pressure", "operator": "Exists"},
    {"effect": "NoSchedule", "key": "node.kubernetes.io/memory-pressure", "operator": "Exists"},
    {"effect": "NoSchedule", "key": "node.kubernetes.io/pid-pressure", "operator": "Exists"},
    {"effect": "NoSchedule", "key": "node.kubernetes.io/unschedulable", "operator": "Exists"},
    {"effect": "NoSchedule", "key": "node.kubernetes.io/network-unavailable", "operator": "Exists"},
]


def container(name, image, **fields):
    entry = {
        "image": IMAGES[image],
        "imagePullPolicy": "IfNotPresent",
        "name": name,
        "resources": fields.pop("resources", {}),
        "terminationMessagePath": "/dev/termination-log",
        "terminationMessagePolicy": "File",
    }
    entry.update(fields)
    return entry


def container_status(spec, pod_name, started, ready=True, restarts=0, finished=None):
    reference = spec["image"]
    repository = reference.rsplit(":", 1)[0]
    status = {
        "containerID": "containerd://" + digest("container", pod_name, spec["name"]),
        "image": reference,
        "imageID": f"{repository}@sha256:{digest('image', reference)}",
        "lastState": {},
        "name": spec["name"],
        "ready": ready,
        "restartCount": restarts,
        "started": finished is None,
        "state": {"running": {"startedAt": started}},
    }
    if finished:
        status["state"] = {"terminated": {"containerID": status["containerID"], "exitCode": 0,
                                          "finishedAt": finished, "reason": "Completed", "startedAt": started}}
    if restarts:
        status["lastState"] = {"terminated": {"containerID": "containerd://" + digest("previous", pod_name),
                                              "exitCode": 137, "finishedAt": started, "reason": "Error",
                                              "startedAt": "2025-05-20T08:12:45Z"}}
    return status


def pod_conditions(created, started, ready, reason=None, message=None):
    def entry(kind, status, transition, why=None):
        item = {"lastProbeTime": None, "lastTransitionTime": transition, "status": status, "type": kind}
        if why:
            item["reason"] = why
            if message and why == "ContainersNotReady":
                item["message"] = message
        return item

    return [
        entry("Initialized", "True", started, "PodCompleted" if reason == "PodCompleted" else None),
        entry("Ready", "True" if ready else "False", started, None if ready else reason),
        entry("ContainersReady", "True" if ready else "False", started, None if ready else reason),
        entry("PodScheduled", "True", created),
    ]


def pod(namespace, name, node, *, labels, containers, created, started, owner=None, annotations=None,
        init_containers=(), volumes=(), host_network=False, service_account="default", priority_class=None,
        tolerations=None, affinity=None, qos="Burstable", ready=True, restarts=0, finished=None,
        not_ready_message=None, extra_spec=None, static=False, hostname=None):
    metadata = {
        "creationTimestamp": created,
        "labels": labels,
        "name": name,
        "namespace": namespace,
        "resourceVersion": resource_version(),
        "uid": uid("pod", namespace, name, "mirror" if static else "api"),
    }
    if annotations:
        metadata["annotations"] = annotations
    if owner and owner[0] in ("ReplicaSet", "DaemonSet", "Job"):
        metadata["generateName"] = name.rsplit("-", 1)[0] + "-"
    if owner:
        kind, owner_name, api_version = owner
        metadata["ownerReferences"] = [{
            "apiVersion": api_version, "blockOwnerDeletion": True, "controller": True, "kind": kind,
            "name": owner_name, "uid": uid("node", owner_name) if kind == "Node" else uid(kind, namespace, owner_name),
        }]
        if kind == "Node":
            del metadata["ownerReferences"][0]["blockOwnerDeletion"]
    all_volumes = list(volumes)
    mounts = []
    if not static:
        token = token_volume(name)
        all_volumes.append(token)
        mounts = [{"mountPath": "/var/run/secrets/kubernetes.io/serviceaccount", "name": token["name"],
                   "readOnly": True}]
    for entry in list(init_containers) + list(containers):
        entry["volumeMounts"] = entry.get("volumeMounts", []) + mounts
        if not entry["volumeMounts"]:
            del entry["volumeMounts"]
    spec = {
        "containers": containers,
        "dnsPolicy": "ClusterFirstWithHostNet" if host_network and not static else "ClusterFirst",
        "enableServiceLinks": True,
        "nodeName": node,
        "preemptionPolicy": "PreemptLowerPriority",
        "priority": {"system-node-critical": 2000001000, "system-cluster-critical": 2000000000}.get(priority_class, 0),
        "restartPolicy": "Never" if finished else "Always",
        "schedulerName": "default-scheduler",
        "securityContext": {"seccompProfile": {"type": "RuntimeDefault"}} if static else {},
        "terminationGracePeriodSeconds": 30,
        "tolerations": tolerations if tolerations is not None else DEFAULT_TOLERATIONS,
    }
    if all_volumes:
        spec["volumes"] = all_volumes
    if init_containers:
        spec["initContainers"] = list(init_containers)
    if host_network:
        spec["hostNetwork"] = True
    if priority_class:
        spec["priorityClassName"] = priority_class
    if not static:
        spec["serviceAccount"] = service_account
        spec["serviceAccountName"] = service_account
    if affinity:
        spec["affinity"] = affinity
    if hostname:
        spec["hostname"] = hostname
        spec["subdomain"] = hostname.rsplit("-", 1)[0]
    spec.update(extra_spec or {})
    address = ADDRESSES[node] if host_network else pod_ip(node)
    if finished:
        address = pod_ip(node)
    reason = "PodCompleted" if finished else "ContainersNotReady"
    status = {
        "conditions": pod_conditions(created, started, ready, reason, not_ready_message),
        "containerStatuses": [container_status(entry, name, started, ready, restarts, finished)
                              for entry in containers],
        "hostIP": ADDRESSES[node],
        "phase": "Succeeded" if finished else "Running",
        "podIP": address,
        "podIPs": [{"ip": address}],
        "qosClass": qos,
        "startTime": created,
    }
    if init_containers:
        status["initContainerStatuses"] = [container_status(entry, name, created, True, 0, started)
                                           for entry in init_containers]
        for entry in status["initContainerStatuses"]:
            entry["ready"] = True
            entry["started"] = False
    for entry in containers:
        POD_IMAGES_BY_NODE.append((node, next(key for key, value in IMAGES.items() if value == entry["image"])))
    return {"apiVersion": "v1", "kind": "Pod", "metadata": metadata, "spec": spec, "status": status}


def daemonset_affinity(node):
    return {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [
        {"matchFields": [{"key": "metadata.name", "operator": "In", "values": [node]}]}]}}}


def daemonset_pods():
    pods = []
    for node_name, _address, _is_cp, node_created in NODES:
        # Kubespray's last run (2025-04-02) rolled the DaemonSets; worker-6 joined before that.
        index = NODE_INDEX[node_name]
        started = "2025-04-02T08:%02d:%02dZ" % (10 + index, (index * 7) % 60)
        calico = container(
            "calico-node", "calico-node",
            env=[{"name": "DATASTORE_TYPE", "value": "kubernetes"}, {"name": "CALICO_NETWORKING_BACKEND", "value": "vxlan"},
                 {"name": "NODENAME", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "spec.nodeName"}}}],
            resources={"limits": {"cpu": "300m", "memory": "500M"}, "requests": {"cpu": "150m", "memory": "64M"}},
            securityContext={"privileged": True},
            volumeMounts=[{"mountPath": "/lib/modules", "name": "lib-modules", "readOnly": True},
                          {"mountPath": "/var/run/calico", "name": "var-run-calico"},
                          {"mountPath": "/var/lib/calico", "name": "var-lib-calico"}])
        install_cni = container("install-cni", "calico-cni", command=["/opt/cni/bin/install"],
                                securityContext={"privileged": True},
                                volumeMounts=[{"mountPath": "/host/etc/cni/net.d", "name": "cni-net-dir"},
                                              {"mountPath": "/host/opt/cni/bin", "name": "cni-bin-dir"}])
        pods.append(pod(
            "kube-system", "calico-node-" + suffix("calico-node", node_name), node_name,
            labels={"controller-revision-hash": "6b7d9f6c84", "k8s-app": "calico-node", "pod-template-generation": "3"},
            owner=("DaemonSet", "calico-node", "apps/v1"), created=started, started=started,
            containers=[calico], init_containers=[install_cni], host_network=True, service_account="calico-node",
            priority_class="system-node-critical", affinity=daemonset_affinity(node_name),
            tolerations=[{"operator": "Exists"}] + DAEMONSET_TOLERATIONS,
            volumes=[host_path("lib-modules", "/lib/modules"), host_path("var-run-calico", "/var/run/calico"),
                     host_path("var-lib-calico", "/var/lib/calico"), host_path("cni-net-dir", "/etc/cni/net.d"),
                     host_path("cni-bin-dir", "/opt/cni/bin")]))
        proxy = container(
            "kube-proxy", "kube-proxy",
            command=["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf",
                     "--hostname-override=$(NODE_NAME)"],
            env=[{"name": "NODE_NAME", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "spec.nodeName"}}}],
            securityContext={"privileged": True},
            volumeMounts=[{"mountPath": "/var/lib/kube-proxy", "name": "kube-proxy"},
                          {"mountPath": "/run/xtables.lock", "name": "xtables-lock"},
                          {"mountPath": "/lib/modules", "name": "lib-modules", "readOnly": True}])
        pods.append(pod(
            "kube-system", "kube-proxy-" + suffix("kube-proxy", node_name), node_name,
            labels={"controller-revision-hash": "7c5b8d4f9d", "k8s-app": "kube-proxy", "pod-template-generation": "1"},
            owner=("DaemonSet", "kube-proxy", "apps/v1"), created=started, started=started, containers=[proxy],
            host_network=True, service_account="kube-proxy", priority_class="system-node-critical",
            affinity=daemonset_affinity(node_name), tolerations=[{"operator": "Exists"}] + DAEMONSET_TOLERATIONS,
            qos="BestEffort",
            volumes=[{"configMap": {"defaultMode": 420, "name": "kube-proxy"}, "name": "kube-proxy"},
                     host_path("xtables-lock", "/run/xtables.lock", "FileOrCreate"),
                     host_path("lib-modules", "/lib/modules")]))
        cache = container(
            "node-cache", "nodelocaldns",
            args=["-localip", "169.254.25.10", "-conf", "/etc/coredns/Corefile", "-upstreamsvc", "coredns"],
            ports=[{"containerPort": 53, "hostPort": 53, "name": "dns", "protocol": "UDP"},
                   {"containerPort": 53, "hostPort": 53, "name": "dns-tcp", "protocol": "TCP"},
                   {"containerPort": 9253, "hostPort": 9253, "name": "metrics", "protocol": "TCP"}],
            resources={"limits": {"memory": "200Mi"}, "requests": {"cpu": "100m", "memory": "70Mi"}},
            securityContext={"privileged": True},
            volumeMounts=[{"mountPath": "/etc/coredns", "name": "config-volume"},
                          {"mountPath": "/run/xtables.lock", "name": "xtables-lock"}])
        pods.append(pod(
            "kube-system", "nodelocaldns-" + suffix("nodelocaldns", node_name), node_name,
            labels={"controller-revision-hash": "5f8c9b7d46", "k8s-app": "nodelocaldns", "pod-template-generation": "2"},
            annotations={"prometheus.io/port": "9253", "prometheus.io/scrape": "true"},
            owner=("DaemonSet", "nodelocaldns", "apps/v1"), created=started, started=started, containers=[cache],
            host_network=True, service_account="nodelocaldns", priority_class="system-cluster-critical",
            affinity=daemonset_affinity(node_name),
            tolerations=[{"effect": "NoSchedule", "operator": "Exists"}, {"effect": "NoExecute", "operator": "Exists"}]
            + DAEMONSET_TOLERATIONS,
            volumes=[{"configMap": {"defaultMode": 420, "items": [{"key": "Corefile", "path": "Corefile"}],
                                    "name": "nodelocaldns"}, "name": "config-volume"},
                     host_path("xtables-lock", "/run/xtables.lock", "FileOrCreate")]))
    return pods


def mirror_annotations(namespace, name, seen, extra=None):
    config_hash = digest("config", namespace, name, length=32)
    annotations = {
        "kubernetes.io/config.hash": config_hash,
        "kubernetes.io/config.mirror": config_hash,
        "kubernetes.io/config.seen": seen,
        "kubernetes.io/config.source": "file",
    }
    annotations.update(extra or {})
    return annotations


ETCD_SERVERS = ",".join(f"https://{ADDRESSES[name]}:2379" for name in CONTROL_PLANE)


def control_plane_command(component, node):
    address = ADDRESSES[node]
    if component == "kube-apiserver":
        return [
            "kube-apiserver", f"--advertise-address={address}", "--allow-privileged=true", "--anonymous-auth=True",
            "--apiserver-count=3", "--authorization-mode=Node,RBAC", "--bind-address=0.0.0.0",
            "--client-ca-file=/etc/kubernetes/ssl/ca.crt", "--enable-admission-plugins=NodeRestriction",
            "--enable-bootstrap-token-auth=true", "--endpoint-reconciler-type=lease",
            "--etcd-cafile=/etc/ssl/etcd/ssl/ca.pem", f"--etcd-certfile=/etc/ssl/etcd/ssl/node-{node}.pem",
            f"--etcd-keyfile=/etc/ssl/etcd/ssl/node-{node}-key.pem", f"--etcd-servers={ETCD_SERVERS}",
            "--kubelet-client-certificate=/etc/kubernetes/ssl/apiserver-kubelet-client.crt",
            "--kubelet-client-key=/etc/kubernetes/ssl/apiserver-kubelet-client.key",
            "--kubelet-preferred-address-types=InternalDNS,InternalIP,Hostname,ExternalDNS,ExternalIP",
            "--secure-port=6443", "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
            "--service-account-key-file=/etc/kubernetes/ssl/sa.pub",
            "--service-account-signing-key-file=/etc/kubernetes/ssl/sa.key",
            "--service-cluster-ip-range=10.233.0.0/18", "--service-node-port-range=30000-32767",
            "--storage-backend=etcd3", "--tls-cert-file=/etc/kubernetes/ssl/apiserver.crt",
            "--tls-private-key-file=/etc/kubernetes/ssl/apiserver.key",
        ]
    if component == "kube-controller-manager":
        return [
            "kube-controller-manager", "--allocate-node-cidrs=true", "--bind-address=0.0.0.0",
            "--cluster-cidr=10.233.64.0/18", "--cluster-name=cluster.local",
            "--cluster-signing-cert-file=/etc/kubernetes/ssl/ca.crt",
            "--cluster-signing-key-file=/etc/kubernetes/ssl/ca.key", "--configure-cloud-routes=false",
            "--controllers=*,bootstrapsigner,tokencleaner", "--kubeconfig=/etc/kubernetes/controller-manager.conf",
            "--leader-elect=true", "--node-cidr-mask-size-ipv4=24", "--node-monitor-grace-period=40s",
            "--node-monitor-period=5s", "--root-ca-file=/etc/kubernetes/ssl/ca.crt",
            "--service-account-private-key-file=/etc/kubernetes/ssl/sa.key",
            "--service-cluster-ip-range=10.233.0.0/18", "--terminated-pod-gc-threshold=12500",
            "--use-service-account-credentials=true",
        ]
    return ["kube-scheduler", "--bind-address=0.0.0.0", "--config=/etc/kubernetes/kubescheduler-config.yaml",
            "--leader-elect=true"]


CONTROL_PLANE_VOLUMES = {
    "kube-apiserver": [("ca-certs", "/etc/ssl/certs"), ("etc-ca-certificates", "/etc/ca-certificates"),
                       ("etcd-certs-0", "/etc/ssl/etcd/ssl"), ("k8s-certs", "/etc/kubernetes/ssl"),
                       ("usr-share-ca-certificates", "/usr/share/ca-certificates")],
    "kube-controller-manager": [("ca-certs", "/etc/ssl/certs"), ("etc-ca-certificates", "/etc/ca-certificates"),
                                ("k8s-certs", "/etc/kubernetes/ssl"),
                                ("kubeconfig", "/etc/kubernetes/controller-manager.conf"),
                                ("usr-share-ca-certificates", "/usr/share/ca-certificates")],
    "kube-scheduler": [("kubeconfig", "/etc/kubernetes/scheduler.conf"),
                       ("kube-scheduler-config", "/etc/kubernetes/kubescheduler-config.yaml")],
}
CONTROL_PLANE_CPU = {"kube-apiserver": "250m", "kube-controller-manager": "200m", "kube-scheduler": "100m"}
PROBE_PORTS = {"kube-apiserver": (6443, "/livez"), "kube-controller-manager": (10257, "/healthz"),
               "kube-scheduler": (10259, "/healthz")}


def static_pods():
    pods = []
    for index, node_name in enumerate(CONTROL_PLANE):
        # The kubelet of each control-plane node restarted when Kubespray last ran (2025-04-02).
        seen = "2025-04-02T07:%02d:13.48392%04dZ" % (52 + index * 2, index * 311)
        created = "2025-04-02T07:%02d:29Z" % (52 + index * 2)
        for component in ("kube-apiserver", "kube-controller-manager", "kube-scheduler"):
            name = f"{component}-{node_name}"
            extra = ({"kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint": f"{ADDRESSES[node_name]}:6443"}
                     if component == "kube-apiserver" else None)
            port, path = PROBE_PORTS[component]
            probe_host = ADDRESSES[node_name] if component == "kube-apiserver" else "127.0.0.1"
            volumes = [host_path(volume, host, "FileOrCreate" if host.endswith((".conf", ".yaml")) else "DirectoryOrCreate")
                       for volume, host in CONTROL_PLANE_VOLUMES[component]]
            entry = container(
                component, component, command=control_plane_command(component, node_name),
                livenessProbe={"failureThreshold": 8, "httpGet": {"host": probe_host, "path": path, "port": port,
                                                                   "scheme": "HTTPS"},
                               "initialDelaySeconds": 10, "periodSeconds": 10, "successThreshold": 1,
                               "timeoutSeconds": 15},
                resources={"requests": {"cpu": CONTROL_PLANE_CPU[component]}},
                volumeMounts=[{"mountPath": host, "name": volume, "readOnly": True}
                              for volume, host in CONTROL_PLANE_VOLUMES[component]])
            pods.append(pod(
                "kube-system", name, node_name, labels={"component": component, "tier": "control-plane"},
                annotations=mirror_annotations("kube-system", name, seen, extra), owner=("Node", node_name, "v1"),
                created=created, started=created, containers=[entry], volumes=volumes, host_network=True,
                priority_class="system-node-critical", tolerations=[{"effect": "NoExecute", "operator": "Exists"}],
                static=True))
    for index, node_name in enumerate(WORKERS):
        seen = "2025-04-02T08:0%d:41.20931%04dZ" % (index, index * 173)
        created = "2025-04-02T08:0%d:44Z" % index
        name = f"nginx-proxy-{node_name}"
        entry = container(
            "nginx-proxy", "nginx-proxy",
            livenessProbe={"failureThreshold": 3, "httpGet": {"path": "/healthz", "port": 8081, "scheme": "HTTP"},
                           "periodSeconds": 10, "successThreshold": 1, "timeoutSeconds": 1},
            readinessProbe={"failureThreshold": 3, "httpGet": {"path": "/healthz", "port": 8081, "scheme": "HTTP"},
                            "periodSeconds": 10, "successThreshold": 1, "timeoutSeconds": 1},
            resources={"requests": {"cpu": "25m", "memory": "32M"}},
            volumeMounts=[{"mountPath": "/etc/nginx", "name": "etc-nginx", "readOnly": True}])
        pods.append(pod(
            "kube-system", name, node_name, labels={"addonmanager.kubernetes.io/mode": "Reconcile",
                                                    "k8s-app": "kube-nginx"},
            annotations=mirror_annotations("kube-system", name, seen,
                                           {"nginx-cfg-checksum": digest("nginx", node_name, length=40)}),
            owner=("Node", node_name, "v1"), created=created, started=created, containers=[entry],
            volumes=[host_path("etc-nginx", "/etc/nginx")], host_network=True,
            priority_class="system-node-critical", tolerations=[{"effect": "NoExecute", "operator": "Exists"}],
            static=True))
    return pods


def replica_pods(namespace, deployment, nodes, created, make_containers, labels, **fields):
    pod_hash = template_hash(f"{namespace}/{deployment}")
    replica_set = f"{deployment}-{pod_hash}"
    return [pod(namespace, f"{replica_set}-{suffix(replica_set, str(index))}", node_name,
                labels={**labels, "pod-template-hash": pod_hash}, owner=("ReplicaSet", replica_set, "apps/v1"),
                created=created, started=created, containers=make_containers(), **fields)
            for index, node_name in enumerate(nodes)]


def http_probe(path, port):
    return {"failureThreshold": 3, "httpGet": {"path": path, "port": port, "scheme": "HTTP"}, "periodSeconds": 10,
            "successThreshold": 1, "timeoutSeconds": 1}


CONTROL_PLANE_TOLERATION = {"effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane"}


def kube_system_deployments():
    coredns = replica_pods(
        "kube-system", "coredns", ["worker-1", "worker-2"], "2025-04-02T08:21:17Z",
        lambda: [container("coredns", "coredns", args=["-conf", "/etc/coredns/Corefile"],
                           ports=[{"containerPort": 53, "name": "dns", "protocol": "UDP"},
                                  {"containerPort": 53, "name": "dns-tcp", "protocol": "TCP"},
                                  {"containerPort": 9153, "name": "metrics", "protocol": "TCP"}],
                           readinessProbe=http_probe("/ready", 8181),
                           resources={"limits": {"memory": "300Mi"}, "requests": {"cpu": "100m", "memory": "70Mi"}},
                           volumeMounts=[{"mountPath": "/etc/coredns", "name": "config-volume"}])],
        {"k8s-app": "kube-dns"}, service_account="coredns", priority_class="system-cluster-critical",
        tolerations=[CONTROL_PLANE_TOLERATION] + DEFAULT_TOLERATIONS,
        affinity={"podAntiAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": [
            {"labelSelector": {"matchLabels": {"k8s-app": "kube-dns"}}, "topologyKey": "kubernetes.io/hostname"}]}},
        volumes=[{"configMap": {"defaultMode": 420, "items": [{"key": "Corefile", "path": "Corefile"}],
                                "name": "coredns"}, "name": "config-volume"}])
    controllers = replica_pods(
        "kube-system", "calico-kube-controllers", ["cp-1"], "2025-04-02T08:19:03Z",
        lambda: [container("calico-kube-controllers", "calico-kube-controllers",
                           env=[{"name": "ENABLED_CONTROLLERS", "value": "node"},
                                {"name": "DATASTORE_TYPE", "value": "kubernetes"}],
                           readinessProbe={"exec": {"command": ["/usr/bin/check-status", "-r"]}, "failureThreshold": 3,
                                           "periodSeconds": 10, "successThreshold": 1, "timeoutSeconds": 1},
                           resources={"limits": {"cpu": "1", "memory": "256M"},
                                      "requests": {"cpu": "30m", "memory": "64M"}})],
        {"k8s-app": "calico-kube-controllers"}, host_network=True, service_account="calico-kube-controllers",
        priority_class="system-cluster-critical",
        tolerations=[{"key": "CriticalAddonsOnly", "operator": "Exists"}, CONTROL_PLANE_TOLERATION]
        + DEFAULT_TOLERATIONS)
    autoscaler = replica_pods(
        "kube-system", "dns-autoscaler", ["cp-2"], "2025-04-02T08:22:40Z",
        lambda: [container("autoscaler", "dns-autoscaler", command=[
            "/cluster-proportional-autoscaler", "--namespace=kube-system",
            '--default-params={"linear":{"preventSinglePointFailure":true,"coresPerReplica":256,'
            '"nodesPerReplica":16,"min":2}}',
            "--logtostderr=true", "--v=2", "--configmap=dns-autoscaler", "--target=Deployment/coredns"],
            resources={"requests": {"cpu": "20m", "memory": "10Mi"}})],
        {"k8s-app": "dns-autoscaler"}, service_account="dns-autoscaler", priority_class="system-cluster-critical",
        tolerations=[CONTROL_PLANE_TOLERATION] + DEFAULT_TOLERATIONS)
    return coredns + controllers + autoscaler


def istio_token_volume():
    return {"name": "istio-token", "projected": {"defaultMode": 420, "sources": [
        {"serviceAccountToken": {"audience": "istio-ca", "expirationSeconds": 43200, "path": "istio-token"}}]}}


def istio_pods():
    istiod = replica_pods(
        "istio-system", "istiod", ["worker-2"], "2024-11-14T10:33:52Z",
        lambda: [container("discovery", "istiod",
                           args=["discovery", "--monitoringAddr=:15014", "--log_output_level=default:info",
                                 "--domain", "cluster.local", "--keepaliveMaxServerConnectionAge", "30m"],
                           ports=[{"containerPort": 8080, "protocol": "TCP"}, {"containerPort": 15010, "protocol": "TCP"},
                                  {"containerPort": 15017, "protocol": "TCP"}],
                           readinessProbe=http_probe("/ready", 8080),
                           resources={"requests": {"cpu": "500m", "memory": "2Gi"}},
                           volumeMounts=[{"mountPath": "/var/run/secrets/tokens", "name": "istio-token",
                                          "readOnly": True},
                                         {"mountPath": "/etc/cacerts", "name": "cacerts", "readOnly": True}])],
        {"app": "istiod", "install.operator.istio.io/owning-resource": "unknown", "istio": "pilot",
         "istio.io/rev": "default", "operator.istio.io/component": "Pilot", "sidecar.istio.io/inject": "false"},
        annotations={"prometheus.io/port": "15014", "prometheus.io/scrape": "true", "sidecar.istio.io/inject": "false"},
        service_account="istiod",
        volumes=[istio_token_volume(), {"name": "cacerts", "secret": {"defaultMode": 420, "optional": True,
                                                                      "secretName": "cacerts"}}])
    gateway = replica_pods(
        "istio-system", "istio-ingressgateway", ["worker-5.prod.example"], "2024-11-14T10:34:20Z",
        lambda: [container("istio-proxy", "istio-proxy",
                           args=["proxy", "router", "--domain", "$(POD_NAMESPACE).svc.cluster.local",
                                 "--proxyLogLevel=warning", "--proxyComponentLogLevel=misc:error",
                                 "--log_output_level=default:info"],
                           ports=[{"containerPort": 15021, "protocol": "TCP"}, {"containerPort": 8080, "protocol": "TCP"},
                                  {"containerPort": 8443, "protocol": "TCP"},
                                  {"containerPort": 15090, "name": "http-envoy-prom", "protocol": "TCP"}],
                           readinessProbe=http_probe("/healthz/ready", 15021),
                           resources={"limits": {"cpu": "2", "memory": "1Gi"},
                                      "requests": {"cpu": "100m", "memory": "128Mi"}},
                           volumeMounts=[{"mountPath": "/var/run/secrets/istio", "name": "istiod-ca-cert"},
                                         {"mountPath": "/var/run/secrets/tokens", "name": "istio-token",
                                          "readOnly": True},
                                         {"mountPath": "/etc/istio/pod", "name": "podinfo"}])],
        {"app": "istio-ingressgateway", "chart": "gateways", "heritage": "Tiller",
         "install.operator.istio.io/owning-resource": "unknown", "istio": "ingressgateway", "istio.io/rev": "default",
         "operator.istio.io/component": "IngressGateways", "release": "istio",
         "service.istio.io/canonical-name": "istio-ingressgateway", "service.istio.io/canonical-revision": "latest",
         "sidecar.istio.io/inject": "false"},
        annotations={"prometheus.io/path": "/stats/prometheus", "prometheus.io/port": "15020",
                     "prometheus.io/scrape": "true", "sidecar.istio.io/inject": "false"},
        service_account="istio-ingressgateway-service-account",
        extra_spec={"nodeSelector": {"node-role.kubernetes.io/ingress": ""}},
        volumes=[{"configMap": {"defaultMode": 420, "name": "istio-ca-root-cert"}, "name": "istiod-ca-cert"},
                 {"downwardAPI": {"defaultMode": 420, "items": [
                     {"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.labels"}, "path": "labels"},
                     {"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.annotations"}, "path": "annotations"}]},
                  "name": "podinfo"},
                 istio_token_volume()])
    return istiod + gateway


def shop_pods():
    def app(image, port):
        return lambda: [container(image, image, ports=[{"containerPort": port, "name": "http", "protocol": "TCP"}],
                                  readinessProbe=http_probe("/healthz", port),
                                  resources={"limits": {"memory": "512Mi"},
                                             "requests": {"cpu": "200m", "memory": "256Mi"}})]

    web = replica_pods("shop", "web", ["worker-1", "worker-1", "worker-3"], "2025-05-12T15:40:26Z", app("web", 8080),
                       {"app": "web", "app.kubernetes.io/name": "web", "app.kubernetes.io/part-of": "shop"})
    api = replica_pods("shop", "api", ["worker-2", "worker-3"], "2025-05-12T15:41:02Z", app("api", 9000),
                       {"app": "api", "app.kubernetes.io/name": "api", "app.kubernetes.io/part-of": "shop",
                        "track": "stable"})
    job_name = "db-migrate-20250519"
    job_uid = uid("Job", "shop", job_name)
    job = pod("shop", f"{job_name}-{suffix(job_name)}", "worker-4",
              labels={"batch.kubernetes.io/controller-uid": job_uid, "batch.kubernetes.io/job-name": job_name,
                      "controller-uid": job_uid, "job-name": job_name},
              owner=("Job", job_name, "batch/v1"), created="2025-05-19T02:00:04Z", started="2025-05-19T02:00:09Z",
              finished="2025-05-19T02:01:37Z", ready=False,
              containers=[container("migrate", "db-migrate", command=["/app/api", "migrate", "--up"])],
              qos="BestEffort")
    return web + api + [job]


def stateful_pods():
    pods = []
    for index, (node_name, ready) in enumerate([("worker-2", True), ("worker-3", False), ("worker-4", True)]):
        name = f"elasticsearch-{index}"
        sysctl = container("configure-sysctl", "elasticsearch", command=["sh", "-c", "sysctl -w vm.max_map_count=262144"],
                           securityContext={"privileged": True, "runAsUser": 0})
        server = container("elasticsearch", "elasticsearch",
                           env=[{"name": "node.name", "valueFrom": {"fieldRef": {"apiVersion": "v1",
                                                                                  "fieldPath": "metadata.name"}}},
                                {"name": "cluster.initial_master_nodes",
                                 "value": "elasticsearch-0,elasticsearch-1,elasticsearch-2"},
                                {"name": "discovery.seed_hosts", "value": "elasticsearch-headless"}],
                           ports=[{"containerPort": 9200, "name": "http", "protocol": "TCP"},
                                  {"containerPort": 9300, "name": "transport", "protocol": "TCP"}],
                           readinessProbe={"exec": {"command": ["bash", "-c", "curl -fsk https://127.0.0.1:9200/_cluster/health?wait_for_status=green&timeout=1s"]},
                                           "failureThreshold": 3, "initialDelaySeconds": 10, "periodSeconds": 10,
                                           "successThreshold": 3, "timeoutSeconds": 5},
                           resources={"limits": {"cpu": "1", "memory": "4Gi"}, "requests": {"cpu": "1", "memory": "4Gi"}},
                           volumeMounts=[{"mountPath": "/usr/share/elasticsearch/data", "name": "elasticsearch-data"}])
        pods.append(pod(
            "logging", name, node_name,
            labels={"app": "elasticsearch", "apps.kubernetes.io/pod-index": str(index), "chart": "elasticsearch",
                    "controller-revision-hash": "elasticsearch-6c8d7f9b5d", "release": "elasticsearch",
                    "statefulset.kubernetes.io/pod-name": name},
            owner=("StatefulSet", "elasticsearch", "apps/v1"), created="2025-03-28T11:0%d:15Z" % index,
            started="2025-05-20T08:13:02Z" if not ready else "2025-03-28T11:0%d:48Z" % index,
            containers=[server], init_containers=[sysctl], ready=ready, restarts=0 if ready else 4,
            not_ready_message="containers with unready status: [elasticsearch]", hostname=name,
            extra_spec={"subdomain": "elasticsearch-headless"},
            volumes=[{"name": "elasticsearch-data",
                      "persistentVolumeClaim": {"claimName": f"elasticsearch-data-{name}"}}],
            qos="Guaranteed"))
    pods.append(pod(
        "cache", "redis-0", "worker-3",
        labels={"app": "redis", "apps.kubernetes.io/pod-index": "0", "controller-revision-hash": "redis-84b9c7d6f5",
                "statefulset.kubernetes.io/pod-name": "redis-0"},
        owner=("StatefulSet", "redis", "apps/v1"), created="2025-02-17T09:26:40Z", started="2025-02-17T09:26:43Z",
        containers=[container("redis", "redis", args=["redis-server", "--save", "", "--appendonly", "no"],
                              ports=[{"containerPort": 6379, "name": "redis", "protocol": "TCP"}],
                              resources={"requests": {"cpu": "100m", "memory": "256Mi"}},
                              volumeMounts=[{"mountPath": "/data", "name": "data"}])],
        hostname="redis-0", volumes=[{"emptyDir": {}, "name": "data"}]))
    return pods


def bare_pods():
    return [pod("default", "debug-shell", "worker-1", labels={"run": "debug-shell"}, created="2025-05-18T13:07:52Z",
                started="2025-05-18T13:07:55Z", qos="BestEffort",
                containers=[container("debug-shell", "busybox", command=["sleep", "infinity"], stdin=True,
                                      tty=True)])]


# ---------------------------------------------------------------------------------------------- PDBs

def pdb(namespace, name, spec, health, created, transition, generation=1, labels=None, annotations=None):
    current, desired, allowed, expected = health
    metadata = {
        "creationTimestamp": created,
        "generation": generation,
        "name": name,
        "namespace": namespace,
        "resourceVersion": resource_version(),
        "uid": uid("PodDisruptionBudget", namespace, name),
    }
    if labels:
        metadata["labels"] = labels
    if annotations:
        metadata["annotations"] = annotations
    return {
        "apiVersion": "policy/v1",
        "kind": "PodDisruptionBudget",
        "metadata": metadata,
        "spec": spec,
        "status": {
            "conditions": [{
                "lastTransitionTime": transition,
                "message": "",
                "observedGeneration": generation,
                "reason": "SufficientPods" if allowed > 0 else "InsufficientPods",
                "status": "True" if allowed > 0 else "False",
                "type": "DisruptionAllowed",
            }],
            "currentHealthy": current,
            "desiredHealthy": desired,
            "disruptionsAllowed": allowed,
            "expectedPods": expected,
            "observedGeneration": generation,
        },
    }


def last_applied(namespace, name, spec):
    applied = {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
               "metadata": {"annotations": {}, "name": name, "namespace": namespace}, "spec": spec}
    return {"kubectl.kubernetes.io/last-applied-configuration": json.dumps(applied, separators=(",", ":"),
                                                                           sort_keys=True) + "\n"}


def helm(release, namespace):
    return {"meta.helm.sh/release-name": release, "meta.helm.sh/release-namespace": namespace}


def budgets():
    web_spec = {"minAvailable": 2, "selector": {"matchLabels": {"app": "web"}}}
    api_spec = {"maxUnavailable": 1, "selector": {"matchExpressions": [
        {"key": "app", "operator": "In", "values": ["api"]},
        {"key": "track", "operator": "NotIn", "values": ["canary"]}]}}
    istio_labels = {"install.operator.istio.io/owning-resource": "unknown", "istio.io/rev": "default",
                    "release": "istio"}
    return [
        pdb("istio-system", "istio-ingressgateway",
            {"minAvailable": 1, "selector": {"matchLabels": {"app": "istio-ingressgateway", "istio": "ingressgateway"}}},
            (1, 1, 0, 1), "2024-11-14T10:34:18Z", "2024-11-14T10:34:58Z",
            labels={"app": "istio-ingressgateway", "istio": "ingressgateway",
                    "operator.istio.io/component": "IngressGateways", **istio_labels},
            annotations=helm("istio-ingress", "istio-system")),
        pdb("istio-system", "istiod",
            {"minAvailable": 1, "selector": {"matchLabels": {"app": "istiod", "istio": "pilot"}}},
            (1, 1, 0, 1), "2024-11-14T10:33:50Z", "2024-11-14T10:34:31Z",
            labels={"app": "istiod", "istio": "pilot", "operator.istio.io/component": "Pilot", **istio_labels},
            annotations=helm("istiod", "istio-system")),
        pdb("kube-system", "coredns", {"maxUnavailable": 1, "selector": {"matchLabels": {"k8s-app": "kube-dns"}}},
            (2, 1, 1, 2), "2024-03-12T09:31:12Z", "2025-04-02T08:21:49Z",
            labels={"addonmanager.kubernetes.io/mode": "Reconcile"}),
        pdb("logging", "elasticsearch", {"maxUnavailable": 1, "selector": {"matchLabels": {"app": "elasticsearch"}}},
            (2, 2, 0, 3), "2025-03-28T11:00:12Z", "2025-05-20T08:12:51Z",
            labels={"app": "elasticsearch", "app.kubernetes.io/managed-by": "Helm", "chart": "elasticsearch",
                    "heritage": "Helm", "release": "elasticsearch"},
            annotations=helm("elasticsearch", "logging")),
        pdb("shop", "api", api_spec, (2, 1, 1, 2), "2025-01-09T16:20:44Z", "2025-05-12T15:41:35Z",
            annotations=last_applied("shop", "api", api_spec)),
        pdb("shop", "web", web_spec, (3, 2, 1, 3), "2025-01-09T16:20:44Z", "2025-05-12T15:41:12Z", generation=2,
            annotations=last_applied("shop", "web", web_spec)),
    ]


def snapshot():
    pods = static_pods() + daemonset_pods() + kube_system_deployments() + istio_pods() + shop_pods()
    pods += stateful_pods() + bare_pods()
    pods.sort(key=lambda item: (item["metadata"]["namespace"], item["metadata"]["name"]))
    nodes = [node(*entry) for entry in NODES]
    return {"apiVersion": "v1", "items": nodes + pods + budgets(), "kind": "List", "metadata": {"resourceVersion": ""}}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "..", "..", "..", "Inventories", "sample.snapshot.json")
    output = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(default)
    with open(output, "w", encoding="utf-8") as file:
        file.write(json.dumps(snapshot(), indent=4, sort_keys=True, ensure_ascii=False) + "\n")
    print(f"wrote {output}")


if __name__ == "__main__":
    main()
