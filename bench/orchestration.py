#!/usr/bin/env python3
"""Benchmark 3 — orchestration overhead.

`k8sup apply` upgrades a 1 control-plane + N-worker k8sim cluster (default 50 workers, zero simulated
delays) from v1.28.15 to v1.29.15. The floor is a plain shell script running the same kubectl and ssh
command sequence (taken from `k8sup apply --dry-run -o json` against an identical fresh cluster, with
the package version filled in, and each run of a node's playbook lines joined into one ssh command as k8sup
runs them in one session) one after another, without k8sup. Each repetition runs both on fresh
clusters, side by side; the ratio of the medians is what counts. Also: how many kubectl and ssh
processes k8sup starts per node, against the script's.

    bench/orchestration.py [--workers 50] [--reps 2]
"""

import argparse
import glob
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import simlib  # noqa: E402

SCENARIO = "from: v1.28.15\n"
PACKAGE_VERSION = "1.29.15-1.1"


def run_k8sup(inventory, scratch, kubectl):
    k8sup, _ = simlib.release_binaries()
    with simlib.Sim(inventory, SCENARIO, scratch) as sim:
        state = sim.state + ".k8sup"
        started = time.monotonic()
        result = subprocess.run(
            [k8sup, "apply", "-i", inventory, "-i", sim.overlay, "--yes", "--state-dir", state,
             "--verify-interval", "0s", "--kubectl", kubectl],
            env=sim.env(), stdin=subprocess.DEVNULL, capture_output=True, text=True)
        elapsed = time.monotonic() - started
        if result.returncode != 0:
            sys.exit("k8sup apply failed:\n" + result.stderr[-3000:])
        return elapsed, count_logged(state, kubectl)


def count_logged(state, kubectl):
    """kubectl and ssh processes per node, from k8sup's per-node command logs: a `$` line is one process,
    except the lines of an ssh session (between `> ssh session …` and `> session ended …`), which share
    the session's one ssh process."""
    counts = {}
    for path in glob.glob(os.path.join(state, "logs", "*.log")):
        node = os.path.basename(path)[:-4]
        local = remote = 0
        in_session = False
        for line in open(path):
            parts = line.split(" ", 2)
            if len(parts) < 3:
                continue
            if parts[1] == ">":
                if parts[2].startswith("ssh session"):
                    in_session = True
                    remote += 1
                elif parts[2].startswith("session ended"):
                    in_session = False
                continue
            if parts[1] != "$" or in_session:
                continue
            if simlib.is_kubectl(parts[2]):
                local += 1
            else:
                remote += 1
        counts[node] = (local, remote)
    return counts


def floor_commands(commands):
    """The dry run's commands as the floor script runs them: each run of consecutive playbook lines of one
    node outside the pre-flight (k8sup's one ssh session per step, and per run of node steps with no
    kubectl call between them) joined into one ssh command whose remote line runs them in order with `&&`;
    everything else as it is."""
    runs = []
    for command in commands:
        argv = [word.replace("${package_version}", PACKAGE_VERSION) for word in command["argv"]]
        joinable = command["location"] == "host" and command.get("action") != "preflight"
        last = runs[-1] if runs else None
        if joinable and last and last["joinable"] and last["node"] == command.get("node"):
            last["remote"].append(argv[-1])
            continue
        runs.append({"argv": argv, "joinable": joinable, "node": command.get("node"), "remote": [argv[-1]],
                     "location": command["location"], "action": command.get("action")})
    return [dict(run, argv=run["argv"][:-1] + [" && ".join(run["remote"])]) for run in runs]


def run_floor(inventory, scratch, kubectl):
    k8sup, _ = simlib.release_binaries()
    with simlib.Sim(inventory, SCENARIO, scratch) as sim:
        dry = subprocess.run(
            [k8sup, "apply", "--dry-run", "-o", "json", "-i", inventory, "-i", sim.overlay, "--kubectl", kubectl],
            env=sim.env(), stdin=subprocess.DEVNULL, capture_output=True, text=True, check=True)
        commands = floor_commands(json.loads(dry.stdout)["commands"])
        script = os.path.join(sim.state + ".floor.sh")
        with open(script, "w") as out:
            out.write("set -e\n")
            for command in commands:
                # Pre-flight's read-only looks may answer "not yet" (component_versions exits 3 before the
                # upgrade); k8sup reads that, the script goes on.
                tolerated = " || true" if command.get("action") == "preflight" else ""
                out.write(" ".join(shlex.quote(word) for word in command["argv"]) + " >/dev/null" + tolerated + "\n")
        started = time.monotonic()
        result = subprocess.run(["bash", script], env=sim.env(), stdin=subprocess.DEVNULL,
                                capture_output=True, text=True)
        elapsed = time.monotonic() - started
        if result.returncode != 0:
            sys.exit("the floor script failed:\n" + result.stderr[-3000:])
        local = sum(1 for c in commands if c["location"] == "local" and c.get("node"))
        remote = sum(1 for c in commands if c["location"] == "host")
        nodes = {c["node"] for c in commands if c.get("node")}
        return elapsed, local / len(nodes), remote / len(nodes), len(commands)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=50)
    parser.add_argument("--reps", type=int, default=2)
    options = parser.parse_args()
    simlib.one_at_a_time()
    kubectl = simlib.kubectl()
    simlib.release_binaries()
    scratch = tempfile.mkdtemp(prefix="k8sup-bench-orchestration-")
    inventory = simlib.write_inventory(os.path.join(scratch, "inventory"), 1, options.workers, "v1.29.15")
    k8sup_times, floor_times = [], []
    for rep in range(1, options.reps + 1):
        elapsed, counts = run_k8sup(inventory, scratch, kubectl)
        k8sup_times.append(elapsed)
        floor, floor_local, floor_remote, floor_total = run_floor(inventory, scratch, kubectl)
        floor_times.append(floor)
        print(f"rep {rep}: k8sup apply {elapsed:.1f} s, floor script {floor:.1f} s, ratio {elapsed / floor:.2f}")
    nodes = [n for n in counts if n != "run"]
    local = sum(counts[n][0] for n in nodes) / len(nodes)
    remote = sum(counts[n][1] for n in nodes) / len(nodes)
    workers = [counts[n] for n in nodes if n.startswith("worker")]
    worst = max(workers, key=sum)
    run_level = counts.get("run", (0, 0))
    k8sup_median, floor_median = simlib.median(k8sup_times), simlib.median(floor_times)
    print()
    print(f"cluster: 1 control-plane + {options.workers} workers, v1.28.15 -> v1.29.15, zero simulated delays")
    print(f"k8sup apply     median {k8sup_median:.1f} s ({k8sup_median / (options.workers + 1):.2f} s per node)")
    print(f"floor script    median {floor_median:.1f} s ({floor_total} commands in sequence)")
    print(f"ratio           {k8sup_median / floor_median:.2f} (k8sup / floor)")
    print(f"per node, k8sup: {local:.1f} kubectl + {remote:.1f} ssh processes "
          f"(+ {run_level[0]} kubectl for the whole run)")
    print(f"per node, floor: {floor_local:.1f} kubectl + {floor_remote:.1f} ssh processes")
    print(f"per worker, k8sup: {sum(w[0] for w in workers) / len(workers):.1f} kubectl + "
          f"{sum(w[1] for w in workers) / len(workers):.1f} ssh processes (most: {worst[0]} + {worst[1]})")


if __name__ == "__main__":
    main()
