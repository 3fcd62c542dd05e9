#!/usr/bin/env bash
# Installs Debian's Chromium (and its driver) for the browser tests when missing,
# and gettext for the translation checks.
set -euo pipefail
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium chromium-driver)
command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing ${missing[*]} from Debian's packages..."
SUDO=""
if [[ "$(id -u)" != 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "Need root (or sudo) to install: ${missing[*]}" >&2
        exit 1
    fi
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
