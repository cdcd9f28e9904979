#!/usr/bin/env python3
"""Writes a large Kubespray-style inventory for benchmark 1, in INI and YAML form.

Usage: bench/gen_inventory.py OUTPUT_DIR [--hosts N]   (default 5000 hosts)

Creates OUTPUT_DIR/ini/inventory.ini and OUTPUT_DIR/yaml/hosts.yaml, the same cluster in both
forms, each with the same group_vars/ and host_vars/ beside it:

- 5 control-plane nodes (stacked etcd, etcd_member_name), 2 Calico route reflectors, 1 bastion,
  the rest workers; 1 worker in 50 is in `ingress_nodes`, 1 in 25 in `gpu_nodes` (both also in
  kube_node), every worker in one of three zone groups (`zone_a`, `zone_b`, `zone_c`);
- every host has ansible_host, ip and access_ip; some have kube_override_hostname or node_labels;
- group_vars/all/{all,etcd,containerd}.yml and group_vars/k8s_cluster/{k8s-cluster,addons,
  k8s-net-calico}.yml with the variables Kubespray's sample inventory sets (Jinja2 strings, lists,
  mappings, folded scalars), plus group_vars for the extra groups and 1 host in 100 with a host_vars file.

Deterministic: the same N gives the same files.
"""
import argparse
import os

CONTROL_PLANE = 5
ROUTE_REFLECTORS = 2

ALL_YML = """---
## Directory where the binaries will be installed
bin_dir: /usr/local/bin

## The access_ip variable is used to define how other nodes should access
## the node.
loadbalancer_apiserver_port: 6443
loadbalancer_apiserver_healthcheck_port: 8081
loadbalancer_apiserver_localhost: true
loadbalancer_apiserver_type: nginx

## Upstream dns servers
upstream_dns_servers:
  - 10.40.0.2
  - 10.40.0.3

## Internal mirrors for an air-gapped install
files_repo: "http://mirror.internal.example/files"
registry_host: "harbor.internal.example"
kube_image_repo: "{{ registry_host }}/k8s"
gcr_image_repo: "{{ registry_host }}/gcr"
docker_image_repo: "{{ registry_host }}/docker"
quay_image_repo: "{{ registry_host }}/quay"
github_image_repo: "{{ registry_host }}/ghcr"

## Proxy
http_proxy: "http://proxy.internal.example:3128"
https_proxy: "{{ http_proxy }}"
no_proxy_exclude_workers: false
additional_no_proxy: ".internal.example,10.0.0.0/8"

kube_webhook_token_auth: false
kube_webhook_token_auth_url_skip_tls_verify: false

## NTP Settings
ntp_enabled: true
ntp_manage_config: true
ntp_servers:
  - "0.pool.ntp.org iburst"
  - "1.pool.ntp.org iburst"
  - "2.pool.ntp.org iburst"
  - "3.pool.ntp.org iburst"
ntp_timezone: Etc/UTC

unsafe_show_logs: false
allow_unsupported_distribution_setup: false
ansible_user: ubuntu
ansible_become: true
ansible_ssh_common_args: "-o StrictHostKeyChecking=accept-new -o ProxyJump=ops@203.0.113.10"
"""

ETCD_YML = """---
## Directory where etcd data stored
etcd_data_dir: /var/lib/etcd

## Container runtime
## docker for docker, crio for cri-o and containerd for containerd.
## Additionally you can set this to kubeadm if you want to install etcd using kubeadm
etcd_deployment_type: host
etcd_backup_retention_count: 10
etcd_events_cluster_enabled: false
etcd_quota_backend_bytes: "8589934592"
etcd_heartbeat_interval: "250"
etcd_election_timeout: "5000"
"""

CONTAINERD_YML = """---
containerd_storage_dir: "/var/lib/containerd"
containerd_state_dir: "/run/containerd"
containerd_oom_score: 0
containerd_default_runtime: "runc"
containerd_snapshotter: "overlayfs"
containerd_runc_runtime:
  name: runc
  type: "io.containerd.runc.v2"
  engine: ""
  root: ""
  options:
    SystemdCgroup: "true"
containerd_registries_mirrors:
  - prefix: docker.io
    mirrors:
      - host: https://harbor.internal.example/v2/docker
        capabilities: ["pull", "resolve"]
        skip_verify: false
  - prefix: registry.k8s.io
    mirrors:
      - host: https://harbor.internal.example/v2/k8s
        capabilities: ["pull", "resolve"]
        skip_verify: false
containerd_max_container_log_line_size: 16384
containerd_debug_level: "info"
"""

K8S_CLUSTER_YML = """---
# Kubernetes configuration dirs and system namespace.
kube_config_dir: /etc/kubernetes
kube_script_dir: "{{ bin_dir }}/kubernetes-scripts"
kube_manifest_dir: "{{ kube_config_dir }}/manifests"
kube_cert_dir: "{{ kube_config_dir }}/ssl"
kube_token_dir: "{{ kube_config_dir }}/tokens"
kube_api_anonymous_auth: true

## Change this to use another Kubernetes version, e.g. a current beta release
kube_version: 1.31.4

local_release_dir: "/tmp/releases"
retry_stagger: 5
kube_owner: kube
kube_cert_group: kube-cert
kube_log_level: 2
credentials_dir: "{{ inventory_dir }}/credentials"

kube_network_plugin: calico
kube_network_plugin_multus: false
kube_service_addresses: 10.233.0.0/18
kube_pods_subnet: 10.233.64.0/18
kube_network_node_prefix: 24
kube_service_addresses_ipv6: fd85:ee78:d8a6:8607::1000/116
kube_pods_subnet_ipv6: fd85:ee78:d8a6:8607::1:0000/112
kube_network_node_prefix_ipv6: 120
kube_apiserver_ip: "{{ kube_service_subnets.split(',') | first | ansible.utils.ipaddr('net') | ansible.utils.ipaddr(1) | ansible.utils.ipaddr('address') }}"
kube_apiserver_port: 6443  # (https)

kube_proxy_mode: ipvs
kube_proxy_strict_arp: false
kube_proxy_nodeport_addresses: >-
  {%- if kube_proxy_nodeport_addresses_cidr is defined -%}
  [{{ kube_proxy_nodeport_addresses_cidr }}]
  {%- else -%}
  []
  {%- endif -%}

kube_encrypt_secret_data: false
cluster_name: cluster.local
ndots: 2
dns_mode: coredns
enable_nodelocaldns: true
enable_nodelocaldns_secondary: false
nodelocaldns_ip: 169.254.25.10
nodelocaldns_health_port: 9254
nodelocaldns_second_health_port: 9256
nodelocaldns_bind_metrics_host_ip: false
nodelocaldns_secondary_skew_seconds: 5
enable_coredns_k8s_external: false
coredns_k8s_external_zone: k8s_external.local
enable_coredns_k8s_endpoint_pod_names: false
resolvconf_mode: host_resolvconf
deploy_netchecker: false
skydns_server: "{{ kube_service_subnets.split(',') | first | ansible.utils.ipaddr('net') | ansible.utils.ipaddr(3) | ansible.utils.ipaddr('address') }}"
dns_domain: "{{ cluster_name }}"

container_manager: containerd
kata_containers_enabled: false
kubeadm_certificate_key: "{{ lookup('password', credentials_dir + '/kubeadm_certificate_key.creds length=64 chars=hexdigits') | lower }}"
k8s_image_pull_policy: IfNotPresent
kubernetes_audit: false
default_kubelet_config_dir: "{{ kube_config_dir }}/dynamic_kubelet_dir"
volume_cross_zone_attachment: false
persistent_volumes_enabled: false
event_ttl_duration: "1h0m0s"
auto_renew_certificates: true
auto_renew_certificates_systemd_calendar: "Mon *-*-1,2,3,4,5,6,7 03:00:00"
kubeadm_patches_dir: "{{ kube_config_dir }}/patches"
kubeadm_patches: []
remove_anonymous_access: false

kube_apiserver_node_port_range: "30000-32767"
kubelet_max_pods: 110
kube_reserved: true
kube_memory_reserved: 256Mi
kube_cpu_reserved: 100m
system_reserved: true
system_memory_reserved: 512Mi
system_cpu_reserved: 500m
kubelet_shutdown_grace_period: 60s
kubelet_shutdown_grace_period_critical_pods: 20s
supplementary_addresses_in_ssl_keys: [10.40.0.100, api.k8s.internal.example]

# Upgrades
drain_grace_period: 300
drain_timeout: 360s
drain_retries: 3
drain_retry_delay_seconds: 10
drain_fallback_enabled: false
upgrade_node_confirm: false
upgrade_node_pause_seconds: 0
serial: "5%"
"""

ADDONS_YML = """---
helm_enabled: true
registry_enabled: false
metrics_server_enabled: true
metrics_server_container_port: 10250
metrics_server_kubelet_insecure_tls: true
metrics_server_metric_resolution: 15s
metrics_server_kubelet_preferred_address_types: "InternalIP,ExternalIP,Hostname"
local_path_provisioner_enabled: false
local_volume_provisioner_enabled: false
gateway_api_enabled: false
ingress_nginx_enabled: true
ingress_nginx_host_network: true
ingress_nginx_nodeselector:
  node-role.kubernetes.io/ingress: ""
ingress_nginx_tolerations:
  - key: "node-role.kubernetes.io/ingress"
    operator: "Exists"
    effect: "NoSchedule"
ingress_alb_enabled: false
cert_manager_enabled: true
cert_manager_namespace: "cert-manager"
metallb_enabled: false
metallb_speaker_enabled: "{{ metallb_enabled }}"
metallb_namespace: "metallb-system"
argocd_enabled: false
kube_vip_enabled: false
node_feature_discovery_enabled: true
"""

CALICO_YML = """---
calico_cni_name: k8s-pod-network
calico_pool_blocksize: 26
calico_network_backend: vxlan
calico_vxlan_mode: Always
calico_ipip_mode: Never
calico_felix_prometheusmetricsenabled: true
calico_felix_prometheusmetricsport: 9091
calico_iptables_backend: "Auto"
calico_endpoint_to_host_action: "ACCEPT"
calico_datastore: "kdd"
calico_rr_id: "{{ groups['calico_rr'] | length }}"
peer_with_calico_rr: true
global_as_num: "64512"
calico_node_extra_envs:
  FELIX_DEVICEROUTESOURCEADDRESS: "172.17.0.1"
"""

GROUP_VARS = {
    "all/all.yml": ALL_YML,
    "all/etcd.yml": ETCD_YML,
    "all/containerd.yml": CONTAINERD_YML,
    "k8s_cluster/k8s-cluster.yml": K8S_CLUSTER_YML,
    "k8s_cluster/addons.yml": ADDONS_YML,
    "k8s_cluster/k8s-net-calico.yml": CALICO_YML,
    "kube_control_plane.yml": """---
kube_apiserver_request_timeout: 60s
kube_apiserver_enable_admission_plugins:
  - NodeRestriction
  - PodSecurity
  - EventRateLimit
kube_controller_node_monitor_grace_period: 40s
kube_scheduler_bind_address: 0.0.0.0
""",
    "ingress_nodes.yml": """---
node_labels:
  node-role.kubernetes.io/ingress: ""
node_taints:
  - "node-role.kubernetes.io/ingress=:NoSchedule"
""",
    "gpu_nodes.yml": """---
node_labels:
  nvidia.com/gpu.present: "true"
node_taints:
  - "nvidia.com/gpu=present:NoSchedule"
nvidia_accelerator_enabled: true
containerd_default_runtime: nvidia
""",
    "bastion.yml": """---
ansible_user: ops
ansible_ssh_common_args: "-o StrictHostKeyChecking=accept-new"
""",
}


def zone(index):
    return "abc"[index % 3]


def hosts(count):
    """(name, vars, groups) for every host, in inventory order."""
    workers = count - CONTROL_PLANE - ROUTE_REFLECTORS - 1
    if workers < 1:
        raise SystemExit(f"--hosts must be at least {CONTROL_PLANE + ROUTE_REFLECTORS + 2}")
    result = []
    for index in range(1, CONTROL_PLANE + 1):
        address = f"10.40.0.{10 + index}"
        result.append((f"cp-{index}", {"ansible_host": address, "ip": address, "access_ip": address,
                                       "etcd_member_name": f"etcd{index}"},
                       ["kube_control_plane"]))
    for index in range(1, workers + 1):
        address = f"10.{41 + index // 60000}.{(index // 250) % 240}.{index % 250 + 1}"
        name = f"worker-{index:04d}"
        host_vars = {"ansible_host": address, "ip": address, "access_ip": address}
        if index % 40 == 0:
            host_vars["kube_override_hostname"] = f"{name}.dc1.internal.example"
        groups = ["kube_node", f"zone_{zone(index)}"]
        if index % 50 == 0:
            groups.append("ingress_nodes")
        if index % 25 == 1:
            groups.append("gpu_nodes")
        result.append((name, host_vars, groups))
    for index in range(1, ROUTE_REFLECTORS + 1):
        address = f"10.40.1.{index}"
        result.append((f"rr-{index}", {"ansible_host": address, "ip": address, "access_ip": address},
                       ["calico_rr"]))
    result.append(("bastion", {"ansible_host": "203.0.113.10"}, ["bastion"]))
    return result


def group_members(all_hosts):
    members = {}
    for name, _vars, groups in all_hosts:
        for group in groups:
            members.setdefault(group, []).append(name)
    return members


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def write_vars(root, all_hosts):
    for relative, text in GROUP_VARS.items():
        write(os.path.join(root, "group_vars", relative), text)
    for zone_name in "abc":
        write(os.path.join(root, "group_vars", f"zone_{zone_name}.yml"),
              f"---\nnode_labels_zone: topology.kubernetes.io/zone=eu-west-1{zone_name}\n"
              f"ntp_servers:\n  - ntp-{zone_name}.internal.example iburst\n")
    for position, (name, _vars, groups) in enumerate(all_hosts):
        if "kube_node" in groups and position % 100 == 7:
            write(os.path.join(root, "host_vars", f"{name}.yml"),
                  "---\n# Replaced disk, see ticket OPS-4411\nkubelet_custom_flags:\n"
                  "  - \"--image-gc-high-threshold=80\"\n  - \"--image-gc-low-threshold=60\"\n"
                  f"node_labels:\n  storage.internal.example/local-ssd: \"true\"\n  rack: r{position % 37}\n")


def ini_text(all_hosts):
    members = group_members(all_hosts)
    lines = ["# Generated by bench/gen_inventory.py: a large Kubespray cluster, stacked etcd.", "[all]"]
    for name, host_vars, _groups in all_hosts:
        lines.append(" ".join([name] + [f"{key}={value}" for key, value in host_vars.items()]))
    sections = [
        ("kube_control_plane", members["kube_control_plane"]),
        ("etcd:children", ["kube_control_plane"]),
        ("kube_node", members["kube_node"]),
        ("kube_node:children", ["zone_a", "zone_b", "zone_c", "ingress_nodes", "gpu_nodes"]),
        ("calico_rr", members["calico_rr"]),
        ("k8s_cluster:children", ["kube_control_plane", "kube_node", "calico_rr"]),
        ("zone_a", members.get("zone_a", [])),
        ("zone_b", members.get("zone_b", [])),
        ("zone_c", members.get("zone_c", [])),
        ("ingress_nodes", members.get("ingress_nodes", [])),
        ("gpu_nodes", members.get("gpu_nodes", [])),
        ("bastion", members["bastion"]),
    ]
    for header, entries in sections:
        lines += ["", f"[{header}]"] + entries
    return "\n".join(lines) + "\n"


def yaml_text(all_hosts):
    members = group_members(all_hosts)
    lines = ["# Generated by bench/gen_inventory.py: a large Kubespray cluster, stacked etcd.",
             "all:", "  hosts:"]
    for name, host_vars, _groups in all_hosts:
        if name.startswith("cp-"):
            lines.append(f"    {name}:")
            lines += [f"      {key}: {value}" for key, value in host_vars.items()]
        else:
            inline = ", ".join(f"{key}: {value}" for key, value in host_vars.items())
            lines.append(f"    {name}: {{{inline}}}")
    lines.append("  children:")

    def group(name, entries, indent=4):
        lines.append(" " * indent + f"{name}:")
        lines.append(" " * indent + "  hosts:")
        lines.extend(" " * indent + f"    {entry}:" for entry in entries)

    group("kube_control_plane", members["kube_control_plane"])
    lines += ["    etcd:", "      children:", "        kube_control_plane:"]
    lines += ["    kube_node:", "      hosts:"] + [f"        {entry}:" for entry in members["kube_node"]]
    lines += ["      children:"]
    for child in ("zone_a", "zone_b", "zone_c", "ingress_nodes", "gpu_nodes"):
        group(child, members.get(child, []), indent=8)
    group("calico_rr", members["calico_rr"])
    lines += ["    k8s_cluster:", "      children:", "        kube_control_plane:", "        kube_node:",
              "        calico_rr:"]
    group("bastion", members["bastion"])
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--hosts", type=int, default=5000)
    args = parser.parse_args()
    all_hosts = hosts(args.hosts)
    for form, filename, text in (("ini", "inventory.ini", ini_text(all_hosts)),
                                 ("yaml", "hosts.yaml", yaml_text(all_hosts))):
        root = os.path.join(args.output, form)
        write(os.path.join(root, filename), text)
        write_vars(root, all_hosts)
        print(f"wrote {os.path.join(root, filename)}: {len(all_hosts)} hosts")


if __name__ == "__main__":
    main()
