#!/usr/bin/env bash
# Prints the path of a Python interpreter of the version in .python-version
# (or a newer 3.12+), looking on PATH and in pyenv's versions.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WANTED="$(cat "$ROOT/.python-version")"

for candidate in "python$WANTED" python3.14 python3.13 python3.12 \
    $(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$WANTED"*/bin/python3 2>/dev/null | sort -V -r) \
    $(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -V -r); do
    path="$(command -v "$candidate" 2>/dev/null || true)"
    [[ -n "$path" ]] || continue
    if "$path" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
        echo "$path"
        exit 0
    fi
done
echo "No Python $WANTED (or 3.12+) found. Install python$WANTED, for example with pyenv." >&2
exit 1
