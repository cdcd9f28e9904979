#!/usr/bin/env python3
"""Benchmark 5 — `--batch auto` at scale.

`k8sup apply` upgrades a k8sim cluster of 3 control-plane nodes and N workers (default 200) over three
zones from v1.28.15 to v1.29.15, three ways, each on a fresh cluster: one worker at a time
(`--batch 1`), fixed batches of 20% of the workers (`--batch N/5`), and `--batch auto` (default
`--max-unavailable 20%`). The scenario (written by `scenario()` below, deterministic) has Deployments
and StatefulSets of 2 to 24 replicas under budgets of every shape (maxUnavailable 1 or 25%,
minAvailable 50% or replicas-1, a few with no budget), each pod requesting 1 to 2 CPU and 2 to 6 GiB,
so that the workloads fill about 85% of the workers' CPU: capacity binds before the 20% limit does.
k8sim counts on its own side every eviction a budget refused (HTTP 429) and every replacement that
found no node with room (`GET /k8sim/v1/counters`). Delays are realistic ones (a kubelet takes 30 s
to be Ready, a pod 20 s to start) scaled by `--scale` (default 0.1) so the slow case takes minutes.

    bench/batch.py [--workers 200] [--scale 0.1] [--modes one,fixed,auto] [--write-scenario FILE]
                   [--time-limit SECONDS] [--results FILE.jsonl] [--table FILE.jsonl] [--keep]

K8SUP_BENCH_BIN=DIR runs copies of the release k8sup and k8sim from DIR (no build), so a long run is
not disturbed by a build in the same tree.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import simlib  # noqa: E402

ZONES = ["zone-a", "zone-b", "zone-c"]
WORKER_CPU = 8
WORKER_MEMORY_GI = 32


# Deployment sizes in the proportions a large cluster has them: most services run 2 to 4 replicas,
# some 6 to 12, a few 24 to 40 (the order mixes them so every zone's nodes get some of each).
DEPLOYMENT_SIZES = [2, 3, 2, 4, 6, 2, 3, 8, 2, 12, 3, 4, 2, 24, 3, 6, 2, 40, 4, 3]


def budget_for(index, kind, replicas):
    """The budget a team would write for this workload, or None (every sixth has none).

    Small services keep all but one replica up (maxUnavailable 1, or minAvailable replicas-1), a quorum
    StatefulSet keeps its majority (minAvailable 2 of 3, 3 of 5), mid-sized services keep half or allow
    a quarter down, and large ones allow a quarter (a 24-replica Deployment allows 6 at once)."""
    if index % 6 == 0:
        return None
    if kind == "StatefulSet":
        return ("minAvailable", str(replicas // 2 + 1))
    if replicas <= 4:
        return ("maxUnavailable", "1") if index % 2 else ("minAvailable", str(replicas - 1))
    if replicas <= 12:
        return ("minAvailable", "\"50%\"") if index % 2 else ("maxUnavailable", "\"25%\"")
    return ("maxUnavailable", "\"25%\"")


def scenario(workers, scale):
    """The scenario's YAML: zones in blocks of the inventory order, workloads filling ~85% of the CPU."""
    lines = ["from: v1.28.15", "seed: 15",
             f"delays: {{podReschedule: 5, podStart: 20, kubeletStart: 30, apiLatency: 0, command: 1, "
             f"download: 10, scale: {scale}}}",
             f"allocatable: {{cpu: \"{WORKER_CPU}\", memory: {WORKER_MEMORY_GI}Gi}}"]
    per_zone = -(-workers // len(ZONES))
    zones = ", ".join(f"worker-{i}: {ZONES[(i - 1) // per_zone]}" for i in range(1, workers + 1))
    lines.append("zones: {" + zones + "}")
    budget_cpu = workers * WORKER_CPU * 0.85
    workloads, pdbs = [], []
    used, index = 0.0, 0
    while True:
        index += 1
        stateful = index % 7 == 0
        replicas = (3 if index % 2 else 5) if stateful else DEPLOYMENT_SIZES[index % len(DEPLOYMENT_SIZES)]
        cpu_milli = 1000 + (index * 250) % 1250
        memory_gi = 2 + index % 5
        if used + replicas * cpu_milli / 1000 > budget_cpu:
            break
        used += replicas * cpu_milli / 1000
        name = f"{'db' if stateful else 'svc'}-{index}"
        kind = "StatefulSet" if stateful else "Deployment"
        workloads.append(f"  - {{name: {name}, namespace: apps, kind: {kind}, replicas: {replicas}, "
                         f"cpu: {cpu_milli}m, memory: {memory_gi}Gi}}")
        budget = budget_for(index, kind, replicas)
        if budget:
            field, amount = budget
            pdbs.append(f"  - {{name: {name}, namespace: apps, selector: {{app: {name}}}, {field}: {amount}}}")
    return "\n".join(lines + ["workloads:"] + workloads + ["pdbs:"] + pdbs) + "\n", len(workloads), used


def counters(sim):
    with open(os.path.join(sim.state, "k8sim.json")) as state:
        url = json.load(state)["url"]
    with urllib.request.urlopen(url + "/k8sim/v1/counters") as answer:
        return json.load(answer)


def run(mode, batch, inventory, scenario_text, scratch, kubectl, workers, scale, time_limit=None, forks=None):
    k8sup, _ = simlib.release_binaries()
    seeding = time.monotonic()
    with simlib.Sim(inventory, scenario_text, scratch, start_timeout=900) as sim:
        seeded = time.monotonic() - seeding
        state = sim.state + ".k8sup"
        events = state + ".events.jsonl"
        command = [k8sup, "apply", "-i", inventory, "-i", sim.overlay, "--yes", "--state-dir", state,
                   "--verify-interval", "1s", "--kubectl", kubectl, "--events", events, "--batch", batch]
        if forks:
            command += ["--forks", str(forks)]
        load_before = os.getloadavg()[0]
        cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        loads, done = [], threading.Event()

        def sample_load():
            # The machine's load during the whole apply, not only at its ends: a ratio between runs
            # means little when one of them shared the machine.
            while not done.wait(5):
                loads.append(os.getloadavg()[0])

        sampler = threading.Thread(target=sample_load, daemon=True)
        sampler.start()
        wall_started = time.time()
        started = time.monotonic()
        with open(state + ".stderr", "w") as err:
            process = subprocess.Popen(command, env=sim.env(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                       stderr=err)
            try:
                code = process.wait(timeout=time_limit)
            except subprocess.TimeoutExpired:
                # A prefix only: the pace of the workers finished so far stands for all of them.
                process.terminate()
                code = process.wait()
        elapsed = time.monotonic() - started
        done.set()
        sampler.join()
        cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        # k8sup and every process it waited for (kubectl, the ssh stand-ins); k8sim's own CPU is not in it.
        cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
        load_after = os.getloadavg()[0]
        seen = counters(sim)
        waits = batches = finished = 0
        sizes = []
        first_worker = last_worker = None
        if os.path.exists(events):
            for event in simlib.read_events(events):
                if event.get("kind") == "waiting" and "eviction of pod" in (event.get("message") or ""):
                    waits += 1
                if event.get("kind") == "batch-started":
                    batches += 1
                    sizes.append(len(event.get("nodes") or []))
                worker = str(event.get("node", "")).startswith("worker-")
                if event.get("kind") == "node-started" and worker and first_worker is None:
                    first_worker = simlib.parse_time(event["time"])
                if event.get("kind") == "node-finished" and worker:
                    finished += 1
                    last_worker = simlib.parse_time(event["time"])
        outcome = {"mode": mode, "batch": batch, "seconds": elapsed, "exit": code, "seeded": seeded,
                   "scale": scale, "forks": forks or 10,
                   "refused": seen["refusedEvictions"], "pending": seen["pendingForCapacity"],
                   "pendingPods": seen.get("pendingPods", []),
                   "held": waits, "batches": batches, "sizes": sizes, "workers": workers,
                   "finished": finished, "load": [round(load_before, 1), round(load_after, 1)],
                   "cpu": round(cpu, 1), "loadMean": round(sum(loads) / len(loads), 1) if loads else None,
                   "loadMax": round(max(loads), 1) if loads else None,
                   "stderr": state + ".stderr"}
        if first_worker and last_worker:
            # The part --batch changes: from the first worker's start to the last one's end.
            outcome["workerPhase"] = round(last_worker - first_worker, 1)
        if finished < workers and finished > 0 and first_worker and last_worker:
            # What came before the first worker (pre-flight, staging, the control plane) once, then the
            # pace of the workers finished so far for all of them.
            before_workers = first_worker - wall_started
            outcome["extrapolated"] = before_workers + (last_worker - first_worker) / finished * workers
            outcome["beforeWorkers"] = round(before_workers, 1)
        return outcome


def table(results):
    """The README's table. Each run is compared with the last one-at-a-time run (measured, else
    extrapolated) of the same cluster size, delay scale and forks."""
    def total(r):
        return r.get("extrapolated", r["seconds"])

    def phase(r):
        # The workers' phase, extrapolated like the whole run when the run was stopped early.
        if "workerPhase" not in r or not r.get("finished"):
            return None
        return r["workerPhase"] / r["finished"] * r["workers"]

    def setting(r):
        return (r.get("workers"), r.get("scale"), r.get("forks", 10))
    reference = {setting(r): total(r) for r in results if r["mode"] == "one"}
    reference_phase = {setting(r): phase(r) for r in results if r["mode"] == "one"}
    lines = ["| --batch (delays, forks) | wall time | one at a time / this | evictions refused (k8sim) | Pending for "
             "capacity (k8sim) | refusals seen by kubectl | batches | exit | load (mean, max) | CPU of k8sup and "
             "its processes | workers' phase | one at a time / this, workers' phase |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    def phase_ratio(r):
        one, this = reference_phase.get(setting(r)), phase(r)
        return f"{one / this:.1f}x" if one and this else "-"

    for r in results:
        one = reference.get(setting(r))
        ratio = f"{one / total(r):.1f}x" if one else "-"
        wall = f"{r['seconds']:.0f} s"
        if "extrapolated" in r:
            wall = f"{r['extrapolated']:.0f} s (extrapolated: {r['finished']} workers in {r['seconds']:.0f} s)"
        lines.append(f"| {r['batch']} (x{r.get('scale', '?')}, {r.get('forks', 10)}) | {wall} | {ratio} | "
                     f"{r['refused']} | {r['pending']} | {r['held']} | {r['batches'] or '-'} | {r['exit']} | "
                     f"{r.get('loadMean') or '-'}, {r.get('loadMax') or '-'} | {r.get('cpu', '-')} s | "
                     f"{f'{phase(r):.0f} s' if phase(r) else '-'} | {phase_ratio(r)} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=200)
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--modes", default="one,fixed,auto")
    parser.add_argument("--write-scenario")
    parser.add_argument("--forks", type=int,
                        help="k8sup's --forks for every mode (staging and pre-flight; k8sup's default is 10)")
    parser.add_argument("--time-limit", type=float,
                        help="stop each apply after this many seconds and extrapolate from the workers it finished")
    parser.add_argument("--results", help="append each run's outcome to this JSON-lines file")
    parser.add_argument("--table", help="print the table of a --results file and exit")
    parser.add_argument("--keep", action="store_true", help="keep the scratch directory (logs, events)")
    arguments = parser.parse_args()
    if arguments.table:
        print(table(simlib.read_events(arguments.table)))
        return
    simlib.one_at_a_time()
    text, count, cpu = scenario(arguments.workers, arguments.scale)
    if arguments.write_scenario:
        with open(arguments.write_scenario, "w") as out:
            out.write(text)
    fixed = str(max(1, arguments.workers // 5))
    batches = {"one": "1", "fixed": fixed, "auto": "auto"}
    kubectl = simlib.kubectl()
    print(f"{arguments.workers} workers in {len(ZONES)} zones, {count} workloads requesting {cpu:.0f} of "
          f"{arguments.workers * WORKER_CPU} CPU; delays x{arguments.scale}", file=sys.stderr)
    scratch = tempfile.mkdtemp(prefix="k8sup-batch-")
    try:
        inventory = simlib.write_inventory(os.path.join(scratch, "inventory"), 3, arguments.workers, "v1.29.15",
                                           drain_timeout="5m")
        results = []
        for mode in arguments.modes.split(","):
            print(f"apply --batch {batches[mode]} …", file=sys.stderr)
            outcome = run(mode, batches[mode], inventory, text, scratch, kubectl, arguments.workers,
                          arguments.scale, arguments.time_limit, arguments.forks)
            print(json.dumps(outcome), file=sys.stderr)
            if arguments.results:
                with open(arguments.results, "a") as out:
                    out.write(json.dumps(outcome) + "\n")
            results.append(outcome)
            if outcome["exit"] != 0:
                with open(outcome["stderr"]) as err:
                    print("".join(err.readlines()[-15:]), file=sys.stderr)
        print(table(results))
    finally:
        if arguments.keep:
            print(f"kept {scratch}", file=sys.stderr)
        else:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
