# Sourced by the bench/*.sh scripts (from the repository root): builds what they compare.

# k8sup, release build (a no-op when it is up to date, so a stale binary is never measured).
ensure_k8sup() {
    echo "building k8sup (release)..." >&2
    swift build -c release --product k8sup >&2
    K8SUP="$PWD/.build/release/k8sup"
    [[ -x "$K8SUP" ]] || { echo "error: $K8SUP was not built" >&2; exit 1; }
}

# ansible-core from PyPI in a virtualenv (ANSIBLE_VENV, default /tmp/ansible-venv), created if missing.
ensure_ansible() {
    ANSIBLE_VENV="${ANSIBLE_VENV:-/tmp/ansible-venv}"
    if [[ ! -x "$ANSIBLE_VENV/bin/ansible-inventory" ]]; then
        echo "installing ansible-core into $ANSIBLE_VENV..." >&2
        python3 -m venv "$ANSIBLE_VENV"
        "$ANSIBLE_VENV/bin/pip" install --quiet ansible-core
    fi
    "$ANSIBLE_VENV/bin/ansible-inventory" --version >/dev/null
}
