#!/usr/bin/env bash
# Runs the SDK compatibility suite (tests/compat) against the Release build and prints, as its
# last line, "passed failed". Installs the pinned official Azure clients with npm ci first; a
# failure to install or to run counts as one failed test. The TAP output goes to $1/compat.tap.
# The tests start Purser themselves and contact only loopback addresses.
set -uo pipefail
cd "$(dirname "$0")"
results=${1:-../../.tmp/test-results}
mkdir -p "$results"
tap="$results/compat.tap"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "compat: node and npm are needed (Node 20 or later)" >&2
  echo "0 1"; exit 0
fi
if [ -f package-lock.json ]; then install=(npm ci); else install=(npm install); fi
if ! "${install[@]}" --no-audit --no-fund --loglevel=error >"$results/compat-npm.log" 2>&1; then
  echo "compat: ${install[*]} failed:" >&2
  cat "$results/compat-npm.log" >&2
  echo "0 1"; exit 0
fi

# Discovers *.test.mjs (pending/*.mjs is not picked up); each file starts its own Purser.
timeout 900 node --test --test-reporter=tap --test-timeout=300000 >"$tap" 2>&1
status=$?
passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tap" | tail -1)
failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tap" | tail -1)
cancelled=$(sed -n 's/^# cancelled \([0-9]*\)$/\1/p' "$tap" | tail -1)
passed=${passed:-0}
failed=$(( ${failed:-0} + ${cancelled:-0} ))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # node crashed, timed out or found no tests without reporting a failing test
fi
if [ "$failed" -ne 0 ]; then
  printf "\ncompat: failures (full TAP in %s):\n" "$tap" >&2
  grep -E '^\s*not ok|^\s+(error|code|statusCode):' "$tap" | head -40 >&2
fi
echo "$passed $failed"
