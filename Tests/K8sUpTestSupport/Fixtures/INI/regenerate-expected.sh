#!/bin/sh
# Regenerates the expected outputs of the INI differential tests from the real ansible-inventory
# (ansible-core 2.19), each file copied alone into an empty directory and read there, so that no
# group_vars/host_vars beside it or in the current directory are loaded (the tests read the file alone):
#   corpus/NAME.ini                            -> corpus/NAME.expected.json
#   ../KubesprayStyle/DIR/F.ini                -> kubespray-style/DIR--F.expected.json
#   $K8SUP_SHARED_FIXTURES/VERSION/DIR/F.ini   -> kubespray/VERSION--DIR--F.expected.json
# The last are Kubespray's own sample inventories, for the conformance suite: by default
# ../shared/fixtures/kubespray beside the repository; skipped when they are not there or when
# K8SUP_SHARED_FIXTURES=none.
# Each JSON is `ansible-inventory -i FILE --list` without `_meta.profile`, re-dumped the way
# ansible-inventory prints it (sorted, indent 4, UTF-8 as is rather than \uXXXX escapes). Files Ansible
# rejects get no JSON; their NAME.expected-error.txt files are written by hand.
# Usage: regenerate-expected.sh [ANSIBLE_VENV]   (default /tmp/ansible-venv, with
#        `pip install ansible-core==2.19.14 PyYAML==6.0.3`)
set -eu
venv=${1:-/tmp/ansible-venv}
here=$(cd "$(dirname "$0")" && pwd)
fixtures=$(cd "$here/.." && pwd)
repo=$(cd "$fixtures/../../.." && pwd)
kubespray=${K8SUP_SHARED_FIXTURES:-$repo/../shared/fixtures/kubespray}
empty=$(mktemp -d)
trap 'rm -rf "$empty"' EXIT

# render INI OUTPUT: writes OUTPUT, or reports that Ansible rejects INI.
render() {
    rm -rf "$empty/alone" && mkdir "$empty/alone" && cp "$1" "$empty/alone/"
    if (cd "$empty/alone" && ANSIBLE_INVENTORY_UNPARSED_FAILED=true ANSIBLE_INVENTORY_ENABLED=ini \
        "$venv/bin/ansible-inventory" -i "$(basename "$1")" --list >"$empty/out.json" 2>"$empty/err.txt"); then
        "$venv/bin/python" -c '
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
data["_meta"].pop("profile", None)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write(json.dumps(data, sort_keys=True, indent=4, ensure_ascii=False) + "\n")' "$empty/out.json" "$2"
    else
        echo "ansible-inventory rejects $1:" >&2
        grep -v '^\[WARNING\]: \(Unable to parse\|No inventory\)' "$empty/err.txt" | head -5 >&2
    fi
}

# render_tree ROOT OUTPUT_DIR: every .ini below ROOT, named by its path with / as --.
render_tree() {
    mkdir -p "$2"
    for ini in $(cd "$1" && find . -name '*.ini' | sort); do
        name=$(echo "${ini#./}" | sed 's|/|--|g')
        render "$1/${ini#./}" "$2/${name%.ini}.expected.json"
    done
}

for ini in "$here"/corpus/*.ini; do
    [ -e "$ini" ] || continue
    render "$ini" "${ini%.ini}.expected.json"
done
render_tree "$fixtures/KubesprayStyle" "$here/kubespray-style"
if [ "$kubespray" != none ] && [ -d "$kubespray" ]; then
    render_tree "$kubespray" "$here/kubespray"
else
    echo "Kubespray's sample inventories not found at $kubespray: kubespray/*.expected.json left as they are" >&2
fi
