#!/usr/bin/env bash
# Prints "passed failed sqlite postgres": totals over every .trx file in $1, and how many
# results ran on each storage engine (storage tests carry "engine: X" in their names).
set -uo pipefail
dir=$1
passed=0; failed=0
for f in "$dir"/*.trx; do
  [ -f "$f" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$f")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  fl=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${fl:-0}))
done
sqlite=$(cat "$dir"/*.trx 2>/dev/null | grep -o '<UnitTestResult [^>]*engine: Sqlite[^>]*>' | wc -l)
postgres=$(cat "$dir"/*.trx 2>/dev/null | grep -o '<UnitTestResult [^>]*engine: Postgres[^>]*>' | wc -l)
echo "$passed $failed $sqlite $postgres"
