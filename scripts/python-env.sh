#!/usr/bin/env bash
# Creates target/interop-venv: a Python virtual environment with the real AWS and OpenStack
# clients (botocore, openstacksdk, python-novaclient, keystoneauth1) pinned in
# tests/interop/requirements.txt, from PyPI. tests/interop.rs feeds our rendered responses to
# them, and runs this script itself when the environment is missing or stale.
#
# Usage: scripts/python-env.sh [--print-python]   (PYTHON=python3.11 to choose the interpreter)
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/interop-venv
requirements=tests/interop/requirements.txt
stamp="$venv/requirements.installed"

# nextest runs each test in a process of its own, and several may find the environment stale at
# once: one builds it while the others wait, then find it fresh.
mkdir -p target
exec 9>target/interop-venv.lock
flock 9

if ! [ -f "$stamp" ] || ! cmp -s "$stamp" "$requirements"; then
    python=${PYTHON:-python3}
    command -v "$python" >/dev/null || { echo "python-env: $python not found; install Python 3 with venv and pip" >&2; exit 1; }
    rm -rf "$venv"
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r "$requirements"
    cp "$requirements" "$stamp"
fi

if [ "${1:-}" = "--print-python" ]; then
    echo "$PWD/$venv/bin/python"
fi
