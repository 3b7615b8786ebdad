#!/usr/bin/env bash
# CI step after the Swift tests: bash e2e/ci.sh (as root on Debian 12, from any directory).
# Installs what the outside-in checks need when it is missing (Chromium, its driver, a Java runtime for the
# Nu validator, Python's venv), then runs e2e/run against the debug build of `arrival`
# ($ARRIVAL_BIN overrides the binary). Exits non-zero when any check fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DEBIAN_FRONTEND=noninteractive
if ! command -v swift >/dev/null 2>&1 && [[ -x /opt/swift/usr/bin/swift ]]; then
    export PATH="/opt/swift/usr/bin:$PATH"
fi

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3-venv)
if ((${#missing[@]})); then
    echo "e2e/ci.sh: installing ${missing[*]}"
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

BIN="${ARRIVAL_BIN:-$(swift build --show-bin-path)/arrival}"
if [[ ! -x "$BIN" ]]; then
    swift build --product arrival
fi
exec bash e2e/run "$BIN"
