#!/usr/bin/env python3
"""Regenerates the expected outputs of the inventory oracle cases with real Ansible.

The expected files are the test oracle for `k8sup inventory`: for every case in cases.json this runs
ansible-inventory (or `ansible --list-hosts`) on the same sources and stores what it printed, with
Ansible's internal `_meta.profile` key removed. Run it after adding a case:

    python3 -m venv /tmp/ansible-venv
    /tmp/ansible-venv/bin/pip install ansible-core==2.19.14 PyYAML==6.0.3
    ANSIBLE_BIN=/tmp/ansible-venv/bin Tests/K8sUpTestSupport/Fixtures/Oracles/regenerate.py

A case with `ansibleRefuses` is one Ansible could not parse (it warns and prints an empty
inventory); k8sup must refuse it with exit code 65 and that text in its error. Paths in cases.json
start with @repo/ (the repo root), @fixtures/ (Tests/K8sUpTestSupport/Fixtures) or @kubespray/
(Kubespray's own sample inventories, for the conformance cases: ../shared/fixtures/kubespray beside
the repo, or the directory K8SUP_SHARED_FIXTURES names). Without them (or with
K8SUP_SHARED_FIXTURES=none) the @kubespray/ cases are skipped and their expected files left as
they are. Ansible runs from an empty directory so that no group_vars/ in the current directory leak
in.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.dirname(HERE)
REPO = os.path.abspath(os.path.join(FIXTURES, "..", "..", ".."))
KUBESPRAY_SETTING = os.environ.get("K8SUP_SHARED_FIXTURES", "")
KUBESPRAY = (None if KUBESPRAY_SETTING == "none"
             else os.path.abspath(KUBESPRAY_SETTING or os.path.join(REPO, "..", "shared", "fixtures", "kubespray")))
ANSIBLE_BIN = os.environ.get("ANSIBLE_BIN", "/tmp/ansible-venv/bin")


def resolve(path):
    for prefix, root in (("@kubespray/", KUBESPRAY), ("@repo/", REPO), ("@fixtures/", FIXTURES)):
        if path.startswith(prefix):
            return os.path.join(root, path[len(prefix):])
    raise SystemExit(f"case path {path!r} must start with @kubespray/, @repo/ or @fixtures/")


def kubespray_available():
    return KUBESPRAY is not None and os.path.isdir(KUBESPRAY)


def ansible_command(case):
    sources = [arg for source in case["sources"] for arg in ("-i", resolve(source))]
    args = case["args"]
    if "--list-hosts" in args:
        limit = args[args.index("--limit") + 1] if "--limit" in args else "all"
        return [os.path.join(ANSIBLE_BIN, "ansible"), "all", *sources, "--limit", limit, "--list-hosts"]
    return [os.path.join(ANSIBLE_BIN, "ansible-inventory"), *sources, *args]


def main():
    with open(os.path.join(HERE, "cases.json")) as handle:
        cases = json.load(handle)
    env = dict(os.environ, ANSIBLE_NOCOLOR="1", ANSIBLE_LOCALHOST_WARNING="0")
    with tempfile.TemporaryDirectory() as empty:
        for case in cases:
            if any(source.startswith("@kubespray/") for source in case["sources"]) and not kubespray_available():
                print(f"{case['name']}: skipped (no Kubespray sample inventories at {KUBESPRAY})")
                continue
            command = ansible_command(case)
            result = subprocess.run(command, cwd=empty, env=env, capture_output=True, text=True)
            if result.returncode != 0:
                sys.exit(f"{case['name']}: {' '.join(command)} failed:\n{result.stderr}")
            # Cases Ansible cannot parse: it only warns and prints an empty inventory; k8sup refuses them.
            refused = any(f"Unable to parse {resolve(source)} as an inventory source" in result.stderr
                          for source in case["sources"])
            if refused != ("ansibleRefuses" in case):
                sys.exit(f"{case['name']}: Ansible {'refused' if refused else 'accepted'} it; fix ansibleRefuses")
            output = result.stdout
            if "--list" in case["args"] or "--host" in case["args"]:
                document = json.loads(output)
                document.get("_meta", {}).pop("profile", None)
                output = json.dumps(document, sort_keys=True, indent=4, ensure_ascii=False) + "\n"
            with open(os.path.join(HERE, case["name"] + ".expected"), "w") as handle:
                handle.write(output)
            print(f"{case['name']}: ok")


if __name__ == "__main__":
    main()
