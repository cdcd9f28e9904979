#!/usr/bin/env bash
# Benchmark 1, inventory loading: `k8sup inventory -i INV --list` against `ansible-inventory -i INV --list`
# on a generated 5,000-host Kubespray inventory (INI and YAML, with group_vars and host_vars).
#
# Usage (from anywhere): bench/inventory.sh [--hosts N] [--reps N]
# Builds k8sup (release) and creates the ansible-core virtualenv (ANSIBLE_VENV, default /tmp/ansible-venv)
# when missing. Generated files go to a temporary directory that is removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/setup.sh
ensure_k8sup
ensure_ansible
python3 bench/inventory_bench.py --k8sup "$K8SUP" --ansible-bin "$ANSIBLE_VENV/bin" "$@"
