#!/usr/bin/env bash
# Runs the SPEC §4 benchmarks: builds bench/Purser.Bench in Release, then runs each benchmark as its own process,
# Purser and its baseline interleaved in each round (3 rounds by default), printing the medians and each ratio.
#   bash bench/run.sh [--quick] [--only NAME,...] [--rounds N] [--profiles N] [--no-build]
# Names: enforce, ledger, bal, ingest-lite, ingest-pg, run. --quick is the small pass ./test.sh makes: it checks
# that every benchmark completes and its results are right (totals equal, ledger verified), never its timings.
# PostgreSQL is started by the benchmarks themselves (a throw-away cluster on loopback, as the tests do).
# Exits non-zero when a benchmark failed to run or a correctness check did not hold.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

all="enforce ledger bal ingest-lite ingest-pg run"
only="" quick="" build=1 pass=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1; pass+=(--quick) ;;
    --only) only="${2//,/ }"; shift ;;
    --rounds|--profiles) pass+=("$1" "$2"); shift ;;
    --no-build) build=0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
selected=${only:-$all}
for name in $selected; do
  case " $all " in *" $name "*) ;; *) echo "unknown benchmark: $name (known: $all)" >&2; exit 2 ;; esac
done

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if [[ " $selected " == *" ingest-pg "* || " $selected " == *" run "* ]] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "== installing PostgreSQL server binaries (Debian package postgresql)"
  as_root apt-get update -q && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null
fi

if [ "$build" = 1 ]; then
  echo "== building bench/Purser.Bench (Release)"
  dotnet build bench/Purser.Bench -c Release -warnaserror -nologo -v quiet >/dev/null || { echo "== bench: build failed"; exit 1; }
fi

logs="$root/.tmp/bench"
mkdir -p "$logs"
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), mode $([ -n "$quick" ] && echo quick || echo full)"
# A benchmark that hangs is stopped: 5 minutes each in the quick pass, 40 in a full one.
limit=$([ -n "$quick" ] && echo 300 || echo 2400)
failed=()
for name in $selected; do
  echo "== $name"
  timeout --kill-after=10 "$limit" dotnet "$root/bench/Purser.Bench/bin/Release/net10.0/Purser.Bench.dll" "$name" "${pass[@]}" 2>&1 | tee "$logs/$name.log"
  status=${PIPESTATUS[0]}
  [ "$status" -eq 0 ] || { failed+=("$name"); echo "== $name failed (exit $status)"; }
done

count=$(wc -w <<<"$selected")
if [ ${#failed[@]} -eq 0 ]; then
  echo "== bench: all $count benchmarks ran and their checks held (logs in .tmp/bench)"
else
  echo "== bench: ${#failed[@]} of $count failed: ${failed[*]} (logs in .tmp/bench)"
  exit 1
fi
