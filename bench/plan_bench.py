#!/usr/bin/env python3
"""Benchmark 2 driver (run it through bench/plan.sh): `k8sup plan -i INV --snapshot FILE -o json` against
the floor of only parsing the snapshot with Python's json module, on generated clusters of 30 pods and
1 PodDisruptionBudget per node.

Part A: 1,000 nodes (--nodes), the two commands alternating REPS times; medians, ratio and peak memory.
Part B: scaling over 100, 1,000 and 5,000 nodes (--sizes), the same pairs, with time per node.
Each plan must come out complete (one upgrade per node, exit code 0 or 2 for blocked), else it fails.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile

import benchlib

HERE = os.path.dirname(os.path.abspath(__file__))
FLOOR = [sys.executable, "-c", "import json,sys; json.load(open(sys.argv[1]))"]


def generate(work, nodes):
    directory = os.path.join(work, f"n{nodes}")
    subprocess.run([sys.executable, os.path.join(HERE, "gen_snapshot.py"), directory, "--nodes", str(nodes)],
                   check=True, stdout=subprocess.DEVNULL)
    return directory


def measure(k8sup, directory, nodes, reps, label):
    snapshot = os.path.join(directory, "snapshot.json")
    commands = {
        "k8sup": [k8sup, "plan", "-i", os.path.join(directory, "inventory"), "--snapshot", snapshot, "-o", "json"],
        "json.load": FLOOR + [snapshot],
    }
    times = {name: [] for name in commands}
    rss = {name: [] for name in commands}
    for rep in range(reps):
        order = ("k8sup", "json.load") if rep % 2 == 0 else ("json.load", "k8sup")
        for name in order:
            output = os.path.join(directory, f"{name}-{rep}.out")
            measured = benchlib.run(commands[name], output, ok=(0, 2) if name == "k8sup" else (0,))
            times[name].append(measured.seconds)
            rss[name].append(measured.max_rss_kib)
        print(f"  {label} run {rep + 1}: k8sup {times['k8sup'][-1]:.2f}s, json.load {times['json.load'][-1]:.2f}s",
              flush=True)
    # The plan is checked only after every timed run (`check_plans`): see there.
    plan_path = os.path.join(os.path.dirname(directory), f"plan-{nodes}.json")
    os.replace(os.path.join(directory, "k8sup-0.out"), plan_path)
    return {
        "nodes": nodes,
        "size_mb": os.path.getsize(snapshot) / 1e6,
        "k8sup": benchlib.median(times["k8sup"]),
        "floor": benchlib.median(times["json.load"]),
        "k8sup_rss": max(rss["k8sup"]),
        "floor_rss": max(rss["json.load"]),
        "plan_path": plan_path,
    }


def check_plans(rows):
    """Reads each plan once all runs are done: a child is charged the peak RSS of this process as it was
    when the child started (until exec the child runs in this process's memory, and Linux keeps that
    high-water mark), so this process must stay small while it measures. Loading a 5,000-node plan
    would add tens of MiB to every later figure."""
    for row in rows:
        with open(row["plan_path"], encoding="utf-8") as handle:
            row["summary"] = json.load(handle)["summary"]
        upgrades = row["summary"]["nodeUpgrades"]
        if upgrades != row["nodes"]:
            sys.exit(f"error: the plan of {row['nodes']} nodes upgrades {upgrades} nodes: {row['summary']}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--k8sup", required=True)
    parser.add_argument("--nodes", type=int, default=1000, help="the cluster of part A")
    parser.add_argument("--reps", type=int, default=5, help="alternating runs in part A")
    parser.add_argument("--scaling-reps", type=int, default=3, help="alternating runs per size in part B")
    parser.add_argument("--sizes", default="100,1000,5000")
    args = parser.parse_args()
    args.k8sup = os.path.abspath(args.k8sup)
    k8sup_version = subprocess.run([args.k8sup, "--version"], capture_output=True, text=True,
                                   check=True).stdout.strip()
    print("benchmark 2: planning, 30 pods and 1 PDB per node")
    print(f"machine: {benchlib.describe_machine()}; {k8sup_version}; Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="k8sup-bench-plan-") as work:
        print(f"A. {args.nodes} nodes, {args.reps} alternating runs")
        directory = generate(work, args.nodes)
        main_result = measure(args.k8sup, directory, args.nodes, args.reps, f"{args.nodes} nodes")
        sizes = [int(size) for size in args.sizes.split(",")]
        print(f"B. scaling, {args.scaling_reps} alternating runs per size")
        rows = []
        for nodes in sizes:
            if nodes == args.nodes and args.scaling_reps <= args.reps:
                rows.append(main_result)
                continue
            directory = generate(work, nodes)
            rows.append(measure(args.k8sup, directory, nodes, args.scaling_reps, f"{nodes} nodes"))
            subprocess.run(["rm", "-rf", directory], check=True)
        driver_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        check_plans([main_result] + [row for row in rows if row is not main_result])
    summary = main_result["summary"]
    print(f"plan of {args.nodes} nodes: {summary['outcome']}, {summary['nodeUpgrades']} node upgrades, "
          f"{summary['blockers']} blockers, {summary['warnings']} warnings")
    print(f"peak RSS of this driver while measuring: {benchlib.mib(driver_rss):.0f} MiB (a floor under each "
          "command's figure, which is that command's own peak otherwise: both run without a shell or wrapper)")
    print()
    result = main_result
    nodes = result["nodes"]
    print(f"| {nodes:,} nodes, {30 * nodes:,} pods, {nodes:,} PDBs | k8sup plan -o json | json.load (floor) | ratio |")
    print("|---|---|---|---|")
    print(f"| median time | {result['k8sup']:.2f} s | {result['floor']:.2f} s | "
          f"{result['k8sup'] / result['floor']:.2f}x |")
    print(f"| max RSS | {benchlib.mib(result['k8sup_rss']):.0f} MiB | {benchlib.mib(result['floor_rss']):.0f} MiB | "
          f"{result['k8sup_rss'] / result['floor_rss']:.2f}x |")
    print(f"(snapshot {result['size_mb']:.0f} MB)")
    print()
    print("| nodes | pods | PDBs | snapshot | k8sup plan median | per node | json.load median | ratio | "
          "k8sup max RSS | json.load max RSS |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['nodes']:,} | {row['nodes'] * 30:,} | {row['nodes']:,} | {row['size_mb']:.0f} MB | "
              f"{row['k8sup']:.2f} s | {1000 * row['k8sup'] / row['nodes']:.1f} ms | {row['floor']:.2f} s | "
              f"{row['k8sup'] / row['floor']:.2f}x | {benchlib.mib(row['k8sup_rss']):.0f} MiB | "
              f"{benchlib.mib(row['floor_rss']):.0f} MiB |")
    for start in rows[:-1]:
        last = rows[-1]
        growth = (last["k8sup"] / start["k8sup"]) / (last["nodes"] / start["nodes"])
        floor_growth = (last["floor"] / start["floor"]) / (last["nodes"] / start["nodes"])
        print(f"from {start['nodes']:,} to {last['nodes']:,} nodes, time grows {last['k8sup'] / start['k8sup']:.1f}x "
              f"for {last['nodes'] / start['nodes']:.0f}x the nodes: {growth:.2f}x the time per node (1.00 is "
              f"linear; json.load {floor_growth:.2f}x)")


if __name__ == "__main__":
    main()
