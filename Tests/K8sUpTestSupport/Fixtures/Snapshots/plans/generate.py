#!/usr/bin/env python3
"""Writes the cluster snapshots the plan tests read (`kubectl get nodes,pods,pdb -A -o json` shape):

- field-notes.json: the cluster operators described at v1.29.8 — istio's ingress gateway and
  pilot with minAvailable 1 on one replica (0 allowed), an elasticsearch with one unready member and
  maxUnavailable 1 (0 allowed).
- half-finished.json: an upgrade to v1.30.4 that stopped half way — cp-1 done, cp-2's kube-apiserver
  upgraded but not its kubelet, cp-3 not started, the workers not started, worker-2 left cordoned.

Run it from anywhere; it writes next to itself. The output is deterministic.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def node(name, version, control_plane=False, ready="True", cordoned=False):
    labels = {"kubernetes.io/hostname": name, "kubernetes.io/os": "linux"}
    if control_plane:
        labels["node-role.kubernetes.io/control-plane"] = ""
    spec = {"podCIDR": "10.233.64.0/24"}
    if cordoned:
        spec["unschedulable"] = True
    return {"apiVersion": "v1", "kind": "Node", "metadata": {"name": name, "labels": labels}, "spec": spec,
            "status": {"conditions": [{"type": "Ready", "status": ready}],
                       "nodeInfo": {"kubeletVersion": version, "containerRuntimeVersion": "containerd://1.7.22"}}}


def pod(namespace, name, node_name, owner=None, labels=None, ready=True, image="registry.k8s.io/pause:3.9",
        mirror=False):
    metadata = {"name": name, "namespace": namespace, "labels": labels or {}}
    if owner:
        metadata["ownerReferences"] = [{"apiVersion": "apps/v1", "kind": owner[0], "name": owner[1],
                                        "controller": True, "uid": f"uid-{owner[1]}"}]
    if mirror:
        metadata["annotations"] = {"kubernetes.io/config.mirror": "0c8a", "kubernetes.io/config.source": "file"}
    return {"apiVersion": "v1", "kind": "Pod", "metadata": metadata,
            "spec": {"nodeName": node_name, "containers": [{"name": "main", "image": image}]},
            "status": {"phase": "Running", "conditions": [{"type": "Ready", "status": "True" if ready else "False"}]}}


def apiserver(node_name, version):
    return pod("kube-system", f"kube-apiserver-{node_name}", node_name, owner=("Node", node_name),
               labels={"component": "kube-apiserver", "tier": "control-plane"},
               image=f"registry.k8s.io/kube-apiserver:{version}", mirror=True)


def daemonset_pods(nodes):
    return [pod("kube-system", f"calico-node-{n}", n, owner=("DaemonSet", "calico-node"), labels={"k8s-app": "calico-node"})
            for n in nodes]


def pdb(namespace, name, selector, rule, healthy, desired, allowed, expected):
    return {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
            "metadata": {"name": name, "namespace": namespace, "generation": 1},
            "spec": dict(rule, selector={"matchLabels": selector}),
            "status": {"currentHealthy": healthy, "desiredHealthy": desired, "disruptionsAllowed": allowed,
                       "expectedPods": expected, "observedGeneration": 1}}


def document(items):
    return {"apiVersion": "v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}}


def field_notes():
    masters = ["k1-master01", "k1-master02", "k1-master03"]
    workers = ["k1-node01", "k1-node02"]
    version = "v1.29.8"
    items = [node(m, version, control_plane=True) for m in masters] + [node(w, version) for w in workers]
    items += [apiserver(m, version) for m in masters] + daemonset_pods(masters + workers)
    items += [
        pod("istio-system", "istio-ingressgateway-7d9f5-abcde", "k1-node01", ("ReplicaSet", "istio-ingressgateway-7d9f5"),
            {"app": "istio-ingressgateway"}),
        pod("istio-system", "istiod-6c8d4-fghij", "k1-node02", ("ReplicaSet", "istiod-6c8d4"), {"app": "istiod"}),
        pod("logging", "elasticsearch-master-0", "k1-node01", ("StatefulSet", "elasticsearch-master"), {"app": "es"}),
        pod("logging", "elasticsearch-master-1", "k1-node02", ("StatefulSet", "elasticsearch-master"), {"app": "es"},
            ready=False),
        pod("logging", "elasticsearch-master-2", "k1-master03", ("StatefulSet", "elasticsearch-master"), {"app": "es"}),
        pdb("istio-system", "istio-ingressgateway", {"app": "istio-ingressgateway"}, {"minAvailable": 1}, 1, 1, 0, 1),
        pdb("istio-system", "istiod", {"app": "istiod"}, {"minAvailable": 1}, 1, 1, 0, 1),
        pdb("logging", "elasticsearch-master-pdb", {"app": "es"}, {"maxUnavailable": 1}, 2, 2, 0, 3),
    ]
    return document(items)


def half_finished():
    items = [
        node("cp-1", "v1.30.4", control_plane=True), node("cp-2", "v1.29.15", control_plane=True),
        node("cp-3", "v1.29.15", control_plane=True), node("worker-1", "v1.29.15"),
        node("worker-2", "v1.29.15", cordoned=True), node("worker-3", "v1.29.15"),
        apiserver("cp-1", "v1.30.4"), apiserver("cp-2", "v1.30.4"), apiserver("cp-3", "v1.29.15"),
    ]
    items += daemonset_pods(["cp-1", "cp-2", "cp-3", "worker-1", "worker-2", "worker-3"])
    return document(items)


for name, build in (("field-notes.json", field_notes), ("half-finished.json", half_finished)):
    with open(os.path.join(HERE, name), "w") as handle:
        json.dump(build(), handle, indent=2, sort_keys=True)
        handle.write("\n")
