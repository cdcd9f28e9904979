#!/usr/bin/env python3
"""Benchmark 1 driver (run it through bench/inventory.sh): `k8sup inventory --list` against
`ansible-inventory --list` on a generated 5,000-host Kubespray inventory, INI and YAML.

The two commands alternate, REPS times each per form; it prints medians, their ratio and peak memory,
and checks that both print the same JSON (Ansible's internal `_meta.profile` key removed). A difference
is printed and makes the script exit 1 after the figures.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import benchlib

HERE = os.path.dirname(os.path.abspath(__file__))
FORMS = (("INI", "ini/inventory.ini"), ("YAML", "yaml/hosts.yaml"))


def compare(k8sup_path, ansible_path):
    """Differences between the two outputs, as lines (empty when equal)."""
    with open(ansible_path, encoding="utf-8") as handle:
        expected = json.load(handle)
    with open(k8sup_path, encoding="utf-8") as handle:
        actual = json.load(handle)
    profile = expected.get("_meta", {}).pop("profile", None)
    problems = []
    if "profile" in actual.get("_meta", {}):
        problems.append("k8sup prints _meta.profile")
    if actual == expected:
        return problems, profile
    for key in sorted(set(expected) | set(actual)):
        if key == "_meta" or expected.get(key) == actual.get(key):
            continue
        problems.append(f"group {key}: ansible {json.dumps(expected.get(key))[:300]}"
                        f" / k8sup {json.dumps(actual.get(key))[:300]}")
    expected_vars = expected.get("_meta", {}).get("hostvars", {})
    actual_vars = actual.get("_meta", {}).get("hostvars", {})
    differing = [host for host in expected_vars.keys() | actual_vars.keys()
                 if expected_vars.get(host) != actual_vars.get(host)]
    if differing:
        host = sorted(differing)[0]
        left, right = expected_vars.get(host) or {}, actual_vars.get(host) or {}
        detail = {name: (left.get(name), right.get(name)) for name in sorted(left.keys() | right.keys())
                  if left.get(name) != right.get(name)}
        problems.append(f"hostvars differ for {len(differing)} host(s); {host} (ansible, k8sup): "
                        f"{json.dumps(detail)[:600]}")
    return problems, profile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--k8sup", required=True)
    parser.add_argument("--ansible-bin", required=True, help="the virtualenv's bin/ directory")
    parser.add_argument("--hosts", type=int, default=5000)
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    args.k8sup = os.path.abspath(args.k8sup)
    args.ansible_bin = os.path.abspath(args.ansible_bin)
    version = subprocess.run([os.path.join(args.ansible_bin, "ansible-inventory"), "--version"],
                             capture_output=True, text=True, check=True).stdout.splitlines()[0]
    k8sup_version = subprocess.run([args.k8sup, "--version"], capture_output=True, text=True,
                                   check=True).stdout.strip()
    print(f"benchmark 1: inventory loading, {args.hosts} hosts, {args.reps} alternating runs per command")
    print(f"machine: {benchlib.describe_machine()}; {k8sup_version}; {version}")
    failed = False
    with tempfile.TemporaryDirectory(prefix="k8sup-bench-inventory-") as work:
        subprocess.run([sys.executable, os.path.join(HERE, "gen_inventory.py"), work, "--hosts", str(args.hosts)],
                       check=True, stdout=subprocess.DEVNULL)
        empty = os.path.join(work, "cwd")  # Ansible runs from an empty directory: no ansible.cfg leaks in
        os.mkdir(empty)
        env = dict(os.environ, ANSIBLE_NOCOLOR="1", ANSIBLE_LOCALHOST_WARNING="0")
        measured_forms = []
        for form, relative in FORMS:
            source = os.path.join(work, relative)
            commands = {
                "k8sup": [args.k8sup, "inventory", "-i", source, "--list"],
                "ansible": [os.path.join(args.ansible_bin, "ansible-inventory"), "-i", source, "--list"],
            }
            times = {name: [] for name in commands}
            rss = {name: [] for name in commands}
            for rep in range(args.reps):
                order = ("k8sup", "ansible") if rep % 2 == 0 else ("ansible", "k8sup")
                for name in order:
                    output = os.path.join(work, f"{form}-{name}-{rep}.json")
                    measured = benchlib.run(commands[name], output, cwd=empty, env=env)
                    times[name].append(measured.seconds)
                    rss[name].append(measured.max_rss_kib)
                print(f"  {form} run {rep + 1}: k8sup {times['k8sup'][-1]:.2f}s, ansible {times['ansible'][-1]:.2f}s",
                      flush=True)
            measured_forms.append((form, times, rss))
        # Compared only after every timed run: loading two 56 MB JSON documents grows this process to
        # a few hundred MiB, and a child started afterwards reports that as its own peak RSS (until exec
        # the child runs in, and is charged for, this process's memory; Linux keeps that high-water mark).
        rows = []
        for form, times, rss in measured_forms:
            k8sup_output = os.path.join(work, f"{form}-k8sup-0.json")
            problems, profile = compare(k8sup_output, os.path.join(work, f"{form}-ansible-0.json"))
            size = os.path.getsize(k8sup_output) / 1e6
            if problems:
                failed = True
                print(f"  {form}: OUTPUTS DIFFER:")
                for problem in problems:
                    print(f"    {problem}")
            else:
                print(f"  {form}: same JSON ({size:.0f} MB; Ansible's _meta.profile {profile!r} removed)")
            rows.append((form, benchlib.median(times["k8sup"]), benchlib.median(times["ansible"]),
                         max(rss["k8sup"]), max(rss["ansible"]), not problems))
    print()
    print("| form | k8sup median | ansible-inventory median | ratio (ansible / k8sup) | k8sup max RSS | "
          "ansible max RSS | same JSON |")
    print("|---|---|---|---|---|---|---|")
    for form, k8sup, ansible, k8sup_rss, ansible_rss, same in rows:
        print(f"| {form} | {k8sup:.2f} s | {ansible:.2f} s | {ansible / k8sup:.1f}x | "
              f"{benchlib.mib(k8sup_rss):.0f} MiB | {benchlib.mib(ansible_rss):.0f} MiB | {'yes' if same else 'NO'} |")
    if failed:
        sys.exit("error: k8sup and ansible-inventory printed different inventories (see above)")


if __name__ == "__main__":
    main()
