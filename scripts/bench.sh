#!/usr/bin/env bash
# bench.sh [--quick] [FILTER…] [BenchmarkDotNet arguments…]: builds tests/OptionsAutomation.Benchmarks in Release, runs
# the benchmarks whose full name contains a FILTER (all by default; a FILTER with * is passed as BenchmarkDotNet's glob),
# prints where the reports are, and rewrites the figures of each class it ran in docs/benchmarks.md, with the machine,
# its load and this command. Other classes' figures stay as they were.
#   --quick   BenchmarkDotNet's Dry job (one call each: does everything run?); docs/benchmarks.md is left alone, as it
#             is when you pass a --job of your own. Classes with a job of their own (the one-core backtest) keep it.
# Pipeline benchmarks (the namespaces in $pipelines) need Postgres: when one is selected, bench.sh starts a private
# cluster under .data/pg-bench on port $OPTAUTO_BENCH_PG_PORT (default 25439; scripts/test.sh's cluster is on 25433) through scripts/db.sh, hands its
# connection string to the benchmarks as OPTAUTO_BENCH_POSTGRES (each class seeds its own databases there), and stops
# it at the end. A cluster already running there is reused (and left running).
# CI never runs this: scripts/test.sh only builds the project.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
invocation="./scripts/bench.sh${*:+ $*}"

say() { printf 'bench.sh: %s\n' "$*" >&2; }

quick=false
if [ "${1:-}" = --quick ]; then quick=true; shift; fi
filters=()
while [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; do
  case "$1" in *'*'*) filters+=("$1") ;; *) filters+=("*$1*") ;; esac
  shift
done
[ ${#filters[@]} -gt 0 ] || filters=('*')
extra=("$@")
write_docs=true
$quick && { extra+=(--job Dry); write_docs=false; }
for arg in "${extra[@]}"; do
  case "$arg" in --job|-j|--list|--help) write_docs=false ;; esac
done

project=tests/OptionsAutomation.Benchmarks
artifacts=$root/BenchmarkDotNet.Artifacts
docs=$root/docs/benchmarks.md

say "building $project (Release)"
dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly

dll=$project/bin/Release/net10.0/OptionsAutomation.Benchmarks.dll
pipelines='ExitSweep Cli Approval Booking'
pipeline_selected() {
  dotnet "$dll" --list flat --filter "${filters[@]}" 2>/dev/null \
    | grep -Eq "^OptionsAutomation\.Benchmarks\.($(echo "$pipelines" | tr ' ' '|'))\."
}
if [ -z "${OPTAUTO_BENCH_POSTGRES:-}" ] && pipeline_selected; then
  export OPTAUTO_PG_DIR=$root/.data/pg-bench OPTAUTO_PG_PORT=${OPTAUTO_BENCH_PG_PORT:-25439}
  if ./scripts/db.sh status >/dev/null 2>&1; then
    say "pipeline benchmarks: reusing the cluster running in $OPTAUTO_PG_DIR"
  else
    say "pipeline benchmarks: starting a private cluster in $OPTAUTO_PG_DIR on port $OPTAUTO_PG_PORT"
    ./scripts/db.sh start
    trap './scripts/db.sh stop' EXIT
  fi
  OPTAUTO_BENCH_POSTGRES=$(./scripts/db.sh url)
  export OPTAUTO_BENCH_POSTGRES
fi

# Only this run's reports go into the docs.
rm -rf "$artifacts/results"
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
say "running --filter ${filters[*]} ${extra[*]:-}"
dotnet "$dll" --filter "${filters[@]}" --artifacts "$artifacts" "${extra[@]}"
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

shopt -s nullglob
reports=("$artifacts"/results/*-report-github.md)
say "reports (markdown, CSV, HTML): $artifacts/results/"
[ ${#reports[@]} -gt 0 ] || { say "no report was written"; exit 1; }
if ! $write_docs; then say "docs/benchmarks.md left as it was (a dry or custom-job run)"; exit 0; fi

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
cores=$(nproc 2>/dev/null || echo '?')
ram=$(awk '/^MemTotal:/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")
dotnet_version=$(dotnet --version)

failed=0
for report in "${reports[@]}"; do
  class=$(basename "$report" -report-github.md)
  # A benchmark that threw has NA as its Mean: keep the last good figures. (NA elsewhere is no failure: an Alloc Ratio
  # over a baseline that allocates nothing is NA too.)
  if awk -F'|' '/^\|/ { if (!mean) { for (i = 1; i <= NF; i++) { h = $i; gsub(/ /, "", h); if (h == "Mean") mean = i } }
                         else if ($mean ~ /^ *NA *$/) failed = 1 }
                END { exit !failed }' "$report"; then say "$class: a benchmark failed (NA): its figures in docs/benchmarks.md left as they were"; failed=1; continue; fi
  block=$(mktemp)
  {
    echo "<!-- bench:$class -->"
    echo "### ${class##*.}"
    echo
    echo "Measured $started with \`$invocation\` on ${cpu:-an unknown CPU}, $cores cores, ${ram:-? RAM}, ${os:-unknown OS}, .NET SDK $dotnet_version."
    echo "Load average (1, 5, 15 min) before the run: $load_before; after: $load_after — anything near or above $cores means other work shared the machine."
    echo
    sed 's/&#39;/'"'"'/g' "$report"   # BenchmarkDotNet escapes the quotes around a description for HTML
    echo "<!-- /bench -->"
  } > "$block"
  # Replaces the class's block where there is one, else appends it.
  awk -v start="<!-- bench:$class -->" -v blockfile="$block" '
    $0 == start { while ((getline line < blockfile) > 0) print line; skipping = 1; found = 1; next }
    skipping { if ($0 == "<!-- /bench -->") skipping = 0; next }
    { print }
    END { if (!found) { print ""; while ((getline line < blockfile) > 0) print line } }
  ' "$docs" > "$docs.new"
  mv "$docs.new" "$docs"
  rm -f "$block"
  say "docs/benchmarks.md: figures of $class rewritten"
done
exit $failed
