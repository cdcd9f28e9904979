#!/bin/sh
# Regenerates the expected outputs of the INI differential tests from the real ansible-inventory
# (ansible-core 2.19), run from an empty directory so that no stray group_vars/host_vars are loaded:
#   corpus/NAME.ini                       -> corpus/NAME.expected.json
#   $KUBESPRAY_FIXTURES/VERSION/DIR/F.ini -> kubespray/VERSION--DIR--F.expected.json
# Each JSON is `ansible-inventory -i FILE --list` without `_meta.profile`, re-dumped the way
# ansible-inventory prints it (sorted, indent 4, UTF-8 as is rather than \uXXXX escapes). Files Ansible
# rejects get no JSON; their NAME.expected-error.txt files are written by hand.
# Usage: regenerate-expected.sh [ANSIBLE_VENV]   (default /tmp/ansible-venv)
set -eu
venv=${1:-/tmp/ansible-venv}
here=$(cd "$(dirname "$0")" && pwd)
shared=${KUBESPRAY_FIXTURES:-/work/shared/fixtures/kubespray}
empty=$(mktemp -d)
trap 'rm -rf "$empty"' EXIT

# render INI OUTPUT: writes OUTPUT, or reports that Ansible rejects INI.
render() {
    if (cd "$empty" && ANSIBLE_INVENTORY_UNPARSED_FAILED=true ANSIBLE_INVENTORY_ENABLED=ini \
        "$venv/bin/ansible-inventory" -i "$1" --list >"$empty/out.json" 2>"$empty/err.txt"); then
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

for ini in "$here"/corpus/*.ini; do
    [ -e "$ini" ] || continue
    render "$ini" "${ini%.ini}.expected.json"
done
mkdir -p "$here/kubespray"
for ini in $(cd "$shared" && find . -name '*.ini' | sort); do
    name=$(echo "${ini#./}" | sed 's|/|--|g')
    render "$shared/${ini#./}" "$here/kubespray/${name%.ini}.expected.json"
done
