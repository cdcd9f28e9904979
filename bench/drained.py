#!/usr/bin/env python3
"""Benchmark 4 — drained time.

With realistic simulated delays (package downloads, command latency, kubelet start, pod reschedule
and start), `k8sup apply` upgrades a 1 control-plane + N-worker k8sim cluster running workloads under
PodDisruptionBudgets. For each node, the time it is out of service — from the start of `cordon-drain`
to the end of `uncordon` — is set against the simulated delays that fall inside that window: the
per-command latency of the host commands run in it, the kubelet start, and the readiness check
interval. Package downloads (`download` delay) happen while staging, before the window: if any
happened inside it, the window would exceed the sum by the download delay.

    bench/drained.py [--workers 4]
"""

import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import simlib  # noqa: E402

DELAYS = {"podReschedule": 2, "podStart": 3, "kubeletStart": 5, "command": 0.3, "download": 10}
VERIFY_INTERVAL = 5


def scenario():
    delays = ", ".join(f"{key}: {value}" for key, value in DELAYS.items())
    return f"""from: v1.28.15
delays: {{{delays}}}
workloads:
  - {{name: web, namespace: shop, kind: Deployment, replicas: 3, labels: {{app: web}}}}
  - {{name: db, namespace: shop, kind: StatefulSet, replicas: 3, labels: {{app: db}}}}
pdbs:
  - {{name: web, namespace: shop, selector: {{app: web}}, minAvailable: 2}}
  - {{name: db, namespace: shop, selector: {{app: db}}, maxUnavailable: 1}}
"""


def host_commands_between(log, start, end, kubectl):
    """Host (ssh) commands k8sup started on the node between two times."""
    count = 0
    for line in open(log):
        parts = line.split(" ", 2)
        if len(parts) < 3 or parts[1] != "$":
            continue
        at = simlib.parse_time(parts[0])
        if start <= at <= end and not (simlib.is_kubectl(parts[2])):
            count += 1
    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=4)
    options = parser.parse_args()
    simlib.one_at_a_time()
    k8sup, _ = simlib.release_binaries()
    kubectl = simlib.kubectl()
    scratch = tempfile.mkdtemp(prefix="k8sup-bench-drained-")
    inventory = simlib.write_inventory(os.path.join(scratch, "inventory"), 1, options.workers, "v1.29.15")
    with simlib.Sim(inventory, scenario(), scratch) as sim:
        state, events = sim.state + ".k8sup", sim.state + ".events.jsonl"
        result = subprocess.run(
            [k8sup, "apply", "-i", inventory, "-i", sim.overlay, "--yes", "--state-dir", state, "--events", events,
             "--verify-interval", f"{VERIFY_INTERVAL}s", "--kubectl", kubectl],
            env=sim.env(), stdin=subprocess.DEVNULL, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit("k8sup apply failed:\n" + result.stderr[-3000:])
    starts, ends, stage = {}, {}, None
    for event in simlib.read_events(events):
        at = simlib.parse_time(event["time"])
        if event["kind"] == "step-started" and event.get("step") == "cordon-drain":
            starts[event["node"]] = at
        elif event["kind"] == "step-finished" and event.get("step") in ("uncordon", "keep-cordoned"):
            ends[event["node"]] = at
        elif event["kind"] == "step-started" and event.get("step") == "stage":
            stage = at
        elif event["kind"] == "step-finished" and event.get("step") == "stage":
            stage = at - stage
    print(f"delays (s): {DELAYS}, --verify-interval {VERIFY_INTERVAL}s")
    print(f"staging of all nodes (downloads included, in parallel): {stage:.1f} s\n")
    print(f"{'node':10} {'drained':>8} {'delays inside':>14} {'cmds':>5} {'overhead':>9} {'ratio':>6}")
    ratios, overheads = [], []
    for node in sorted(starts, key=lambda n: starts[n]):
        window = ends[node] - starts[node]
        commands = host_commands_between(os.path.join(state, "logs", node + ".log"), starts[node], ends[node], kubectl)
        inside = commands * DELAYS["command"] + DELAYS["kubeletStart"] + VERIFY_INTERVAL
        ratios.append(window / inside)
        overheads.append(window - inside)
        print(f"{node:10} {window:7.1f}s {inside:13.1f}s {commands:5} {window - inside:8.1f}s {window / inside:6.2f}")
    print(f"\nmedian drained time / delays inside the window: {simlib.median(ratios):.2f}; "
          f"median time beyond them: {simlib.median(overheads):.1f} s (evictions waiting on budgets, "
          f"kubectl calls, readiness polling); a download inside the window would add {DELAYS['download']} s")


if __name__ == "__main__":
    main()
