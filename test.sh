#!/usr/bin/env bash
# Runs every Purser test suite on a fresh machine: installs what the tests need (PostgreSQL
# server binaries, the invoice PDF fonts and poppler-utils, Chromium for the portal, the test SMTP server, HAProxy for the
# three-process test), builds with warnings as errors, runs
# the .NET suites (storage tests on both SQLite and a PostgreSQL the tests start themselves), then
# the Node compatibility suite that drives a running Purser with the official Azure SDK clients
# (tests/compat), then the benchmarks' quick pass (bench/run.sh --quick, one entry), and ends with one line
# "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/.tmp/test-results"
rm -rf "$results"
mkdir -p "$results"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "== installing PostgreSQL server binaries (Debian package postgresql)"
  as_root apt-get update -q && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null
fi

# Invoice PDFs set Chinese in WenQuanYi Micro Hei and Latin-only text in DejaVu Sans; their tests
# read the PDFs back with poppler's pdftotext and pdffonts.
if [ ! -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || [ ! -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || ! command -v pdftotext >/dev/null; then
  echo "== installing invoice PDF fonts and poppler-utils (Debian packages fonts-wqy-microhei, fonts-dejavu-core, poppler-utils)"
  as_root apt-get update -q && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-wqy-microhei fonts-dejavu-core poppler-utils >/dev/null
fi

# The portal tests drive Debian's Chromium through Playwright; Playwright never downloads a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -x /usr/bin/chromium ]; then
  echo "== installing Chromium for the portal tests (Debian package chromium)"
  as_root apt-get update -q && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null
fi

# The notification tests deliver e-mail to a real SMTP server on loopback: Debian's aiosmtpd.
if ! /usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1; then
  echo "== installing the test SMTP server (Debian package python3-aiosmtpd)"
  as_root apt-get update -q && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-aiosmtpd >/dev/null
fi

# The three-process test puts Debian's HAProxy in front of three purser serve processes.
if [ ! -x /usr/sbin/haproxy ]; then
  echo "== installing the test load balancer (Debian package haproxy)"
  as_root apt-get update -q && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy >/dev/null
fi

# The pooling test puts Debian's PgBouncer, in transaction mode, between Purser and the test PostgreSQL.
if [ ! -x /usr/sbin/pgbouncer ]; then
  echo "== installing the test connection pooler (Debian package pgbouncer)"
  as_root apt-get update -q && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q pgbouncer >/dev/null
fi

echo "== restoring tools and building (warnings are errors)"
dotnet tool restore >/dev/null || exit 1
dotnet build Purser.slnx -c Release -warnaserror -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }

echo "== .NET tests"
dotnet_status=0
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    -- RunConfiguration.TreatNoTestsAsError=true || dotnet_status=1
done

# Stray clusters from a test host that was killed before its exit handler ran.
for dir in /tmp/purser-pg-*; do
  [ -d "$dir" ] || continue
  pgrep -f -- "$dir" >/dev/null || rm -rf "$dir"
done

read -r passed failed sqlite postgres < <(bash "$root/tests/count-trx.sh" "$results")
echo "== storage tests: $sqlite on SQLite, $postgres on PostgreSQL"
if [ "$dotnet_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # the runner failed without a failing test result: a crash or a build problem
fi

# The official Azure SDK clients (npm) against the Release build, started by the tests themselves.
echo "== compat: official Azure SDK clients against a running Purser"
read -r compat_passed compat_failed < <(bash "$root/tests/compat/run.sh" "$results" | tail -1)
compat_passed=${compat_passed:-0}; compat_failed=${compat_failed:-1}
echo "== compat: $compat_passed passed, $compat_failed failed"
passed=$((passed + compat_passed)); failed=$((failed + compat_failed))

# The benchmarks' quick pass counts as one entry: every benchmark completes and its results are right (totals equal
# the baseline's, the ledger verified); timings are reported, never judged.
echo "== bench: the quick pass of every benchmark (bench/run.sh --quick)"
if bash "$root/bench/run.sh" --quick --no-build; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
