#!/usr/bin/env bash
# Benchmark 2, planning: `k8sup plan -i INV --snapshot FILE -o json` against the floor of parsing the same
# snapshot with `python3 -c 'import json,sys; json.load(open(sys.argv[1]))' FILE`, at 1,000 nodes (30,000
# pods, 1,000 PDBs), then how plan time grows over 100, 1,000 and 5,000 nodes.
#
# Usage (from anywhere): bench/plan.sh [--reps N] [--scaling-reps N] [--sizes 100,1000,5000]
# Builds k8sup (release) when needed. The snapshots (about 220 MB per 1,000 nodes) go to a temporary
# directory (TMPDIR) that is removed afterwards; 5,000 nodes need about 3 GiB of memory (json.load).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/setup.sh
ensure_k8sup
python3 bench/plan_bench.py --k8sup "$K8SUP" "$@"
