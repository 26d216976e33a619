#!/usr/bin/env bash
# Times parse + compile of synthetic 1k and 10k model projects, whole process,
# for `./model compile` and for dbt (`dbt parse`, `dbt compile`), and writes
# the table into bench/README.md.
#
# Whole-process wall time is what a user waits for in CI, so JVM start-up and
# Python imports are deliberately included.
#
# Environment:
#   SIZES="1000 10000"    project sizes (models)
#   RUNS=3                runs per measurement (median reported)
#   DBT_RUNS=$RUNS        runs per dbt measurement (dbt on 10k is slow)
#   DBT_PARSE_SIZES       sizes to time `dbt parse` on   (default: SIZES)
#   DBT_COMPILE_SIZES     sizes to time `dbt compile` on (default: SIZES)
#   SKIP_DBT=1            time only ./model (dbt's last figures are kept)
#   SKIP_MODEL=1          time only dbt (model's last figures are kept)
#   DBT_VENV=/path        reuse a venv that has dbt-core + dbt-duckdb
#   SEED=42               generator seed
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
# shellcheck source=bench/lib.sh
source "$REPO/bench/lib.sh"

SIZES="${SIZES:-1000 10000}"
RUNS="${RUNS:-3}"
DBT_RUNS="${DBT_RUNS:-$RUNS}"
DBT_PARSE_SIZES="${DBT_PARSE_SIZES:-$SIZES}"
DBT_COMPILE_SIZES="${DBT_COMPILE_SIZES:-$SIZES}"
SEED="${SEED:-42}"

require_python
mkdir -p "$OUT_DIR/logs" "$RESULTS_DIR"

project_dir() { printf '%s/compile_%s\n' "$OUT_DIR" "$1"; }

for n in $SIZES; do
  log "generating $n models"
  python3 "$BENCH_DIR/generate_project.py" --models "$n" --seed "$SEED" --out "$(project_dir "$n")" >&2
done

RESULTS="$RESULTS_DIR/compile.tsv"

# One row per (models, command), replaced when re-measured, so timing one tool
# or one size later (e.g. model after a change) keeps every other figure.
# Each row says which tool version, how many runs and how loaded the machine
# was: on a shared 2-core box the load average explains most of the noise.
record() {
  local n="$1" cmd="$2" secs="$3" runs="$4" tool="$5" tmp
  tmp="$(mktemp)"
  {
    printf '# machine: nproc=%s; cpu=%s; %s\n' "$(nproc)" \
      "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)" "$(java -version 2>&1 | head -n 1)"
    printf 'models\tcommand\tseconds\truns\tdate\ttool\tload\n'
    {
      if [[ -f "$RESULTS" ]]; then
        awk -F'\t' -v n="$n" -v c="$cmd" '!/^#/ && $1 != "models" && !($1 == n && $2 == c)' "$RESULTS"
      fi
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$cmd" "$secs" "$runs" "$(date -u '+%Y-%m-%d %H:%M UTC')" \
        "$tool" "$(cut -d' ' -f1-3 /proc/loadavg)"
    } | sort -t$'\t' -k1,1n -k2,2
  } >"$tmp"
  mv "$tmp" "$RESULTS"
}

contains() { [[ " $1 " == *" $2 "* ]]; }

time_model() {
  local n dir secs tool
  if [[ ! -x "$REPO/model" ]]; then
    log "skipping model timings: ./model launcher not found (build it first; see README.md)"
    return 0
  fi
  tool="model $(git -C "$REPO" describe --always --dirty)"
  for n in $SIZES; do
    dir="$(project_dir "$n")"
    log "model compile, $n models, $RUNS runs"
    secs="$(time_median "$RUNS" "$REPO" "$OUT_DIR/logs/model_compile_$n.log" "rm -rf '$dir/target'" -- \
      ./model compile --project-dir "$dir" --profiles-dir "$dir")"
    log "  median ${secs}s"
    record "$n" "model compile" "$secs" "$RUNS" "$tool"
  done
}

time_dbt() {
  local venv n dir secs tool
  if ! venv="$(ensure_venv)"; then
    log "skipping dbt timings: could not get a venv with dbt (pip install failed?)"
    return 0
  fi
  tool="$("$venv/bin/python" -c 'import importlib.metadata as m; print("dbt-core", m.version("dbt-core"), "/ dbt-duckdb", m.version("dbt-duckdb"))')"
  for n in $SIZES; do
    dir="$(project_dir "$n")"
    # Partial parsing would turn the second run into a cache hit; a CI job
    # starts from a clean checkout, so it's off.
    if contains "$DBT_PARSE_SIZES" "$n"; then
      log "dbt parse, $n models, $DBT_RUNS runs"
      secs="$(time_median "$DBT_RUNS" "$dir" "$OUT_DIR/logs/dbt_parse_$n.log" "rm -rf '$dir/target'" -- \
        "$venv/bin/dbt" parse --no-partial-parse --profiles-dir "$dir" --project-dir "$dir")"
      log "  median ${secs}s"
      record "$n" "dbt parse" "$secs" "$DBT_RUNS" "$tool"
    fi
    if contains "$DBT_COMPILE_SIZES" "$n"; then
      log "dbt compile, $n models, $DBT_RUNS runs"
      secs="$(time_median "$DBT_RUNS" "$dir" "$OUT_DIR/logs/dbt_compile_$n.log" "rm -rf '$dir/target'" -- \
        "$venv/bin/dbt" compile --no-partial-parse --profiles-dir "$dir" --project-dir "$dir")"
      log "  median ${secs}s"
      record "$n" "dbt compile" "$secs" "$DBT_RUNS" "$tool"
    fi
  done
}

# Looks up one column of a figure; empty when not measured.
figure() {
  local n="$1" cmd="$2" col="${3:-3}"
  [[ -f "$RESULTS" ]] || return 0
  awk -F'\t' -v n="$n" -v c="$cmd" -v k="$col" '$1 == n && $2 == c { print $k }' "$RESULTS"
}

render_table() {
  local n m p c all_sizes=""
  if [[ -f "$RESULTS" ]]; then
    all_sizes="$(awk -F'\t' '$1 ~ /^[0-9]+$/ { print $1 }' "$RESULTS" | sort -nu)"
  fi
  echo
  echo "| models | model compile (s) | model ms/model | dbt parse (s) | dbt compile (s) | dbt compile / model compile |"
  echo "|-------:|------------------:|---------------:|--------------:|----------------:|----------------------------:|"
  for n in $all_sizes; do
    m="$(figure "$n" "model compile")"
    p="$(figure "$n" "dbt parse")"
    c="$(figure "$n" "dbt compile")"
    awk -v n="$n" -v m="$m" -v p="$p" -v c="$c" 'BEGIN {
      printf "| %s | %s | %s | %s | %s | %s |\n", n,
        (m == "" ? "_pending_" : m),
        (m == "" ? "_pending_" : sprintf("%.3f", 1000 * m / n)),
        (p == "" ? "not measured" : p),
        (c == "" ? "not measured" : c),
        (m == "" || c == "" ? "_pending_" : sprintf("%.1fx", c / m))
    }'
  done
  echo
  if [[ -f "$RESULTS" ]]; then
    echo "Median whole-process wall time; \`target/\` removed before each run. $(sed -n 's/^# machine: //p' "$RESULTS")."
    echo
    awk -F'\t' '$1 ~ /^[0-9]+$/ { printf "- %s, %s models: %s, %s run(s), %s, load average %s\n", $2, $1, $6, $4, $5, $7 }' "$RESULTS"
    echo
  fi
}

[[ "${SKIP_MODEL:-0}" == 1 ]] || time_model
[[ "${SKIP_DBT:-0}" == 1 ]] || time_dbt

table="$(mktemp)"
render_table >"$table"
replace_between_markers "$BENCH_DIR/README.md" compile-results "$table"
rm -f "$table"
log "results written to bench/README.md and $RESULTS"
[[ ! -f "$RESULTS" ]] || cat "$RESULTS"
