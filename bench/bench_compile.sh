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

# Each tool's figures go to their own results file, so timing one tool later
# (e.g. model after a change) keeps the other's last figures in the table.
write_header() {
  local file="$1" tool="$2"
  {
    printf '# date: %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf '# machine: %s\n' "$(machine_info)"
    printf '# tool: %s\n' "$tool"
    printf '# runs: %s (median, whole process wall time; target/ removed before each run)\n' "$3"
    printf 'models\tcommand\tseconds\n'
  } >"$file"
}

contains() { [[ " $1 " == *" $2 "* ]]; }

time_model() {
  local file="$RESULTS_DIR/compile_model.tsv" n dir secs
  if [[ ! -x "$REPO/model" ]]; then
    log "skipping model timings: ./model launcher not found (build it first; see README.md)"
    return 0
  fi
  write_header "$file" "model $(git -C "$REPO" describe --always --dirty)" "$RUNS"
  for n in $SIZES; do
    dir="$(project_dir "$n")"
    log "model compile, $n models, $RUNS runs"
    secs="$(time_median "$RUNS" "$REPO" "$OUT_DIR/logs/model_compile_$n.log" "rm -rf '$dir/target'" -- \
      ./model compile --project-dir "$dir" --profiles-dir "$dir")"
    log "  median ${secs}s"
    printf '%s\tmodel compile\t%s\n' "$n" "$secs" >>"$file"
  done
}

time_dbt() {
  local file="$RESULTS_DIR/compile_dbt.tsv" venv n dir secs dbt_version
  if ! venv="$(ensure_venv)"; then
    log "skipping dbt timings: could not get a venv with dbt (pip install failed?)"
    return 0
  fi
  dbt_version="$("$venv/bin/python" -c 'import importlib.metadata as m; print("dbt-core", m.version("dbt-core"), "/ dbt-duckdb", m.version("dbt-duckdb"))')"
  write_header "$file" "$dbt_version" "$DBT_RUNS"
  for n in $SIZES; do
    dir="$(project_dir "$n")"
    # Partial parsing would turn the second run into a cache hit; a CI job
    # starts from a clean checkout, so it's off.
    if contains "$DBT_PARSE_SIZES" "$n"; then
      log "dbt parse, $n models, $DBT_RUNS runs"
      secs="$(time_median "$DBT_RUNS" "$dir" "$OUT_DIR/logs/dbt_parse_$n.log" "rm -rf '$dir/target'" -- \
        "$venv/bin/dbt" parse --no-partial-parse --profiles-dir "$dir" --project-dir "$dir")"
      log "  median ${secs}s"
      printf '%s\tdbt parse\t%s\n' "$n" "$secs" >>"$file"
    fi
    if contains "$DBT_COMPILE_SIZES" "$n"; then
      log "dbt compile, $n models, $DBT_RUNS runs"
      secs="$(time_median "$DBT_RUNS" "$dir" "$OUT_DIR/logs/dbt_compile_$n.log" "rm -rf '$dir/target'" -- \
        "$venv/bin/dbt" compile --no-partial-parse --profiles-dir "$dir" --project-dir "$dir")"
      log "  median ${secs}s"
      printf '%s\tdbt compile\t%s\n' "$n" "$secs" >>"$file"
    fi
  done
}

# Looks up one figure in a results file; empty when not measured.
figure() {
  local file="$1" n="$2" cmd="$3"
  [[ -f "$file" ]] || return 0
  awk -F'\t' -v n="$n" -v c="$cmd" '$1 == n && $2 == c { print $3 }' "$file"
}

header_value() { sed -n "s/^# $2: //p" "$1"; }

describe_results() {
  local label="$1" file="$2"
  if [[ ! -f "$file" ]]; then
    echo "- $label: not measured yet"
    return 0
  fi
  echo "- $label: $(header_value "$file" tool), measured $(header_value "$file" date); runs: $(header_value "$file" runs)"
  echo "  - machine: $(header_value "$file" machine)"
}

render_table() {
  local model_file="$RESULTS_DIR/compile_model.tsv" dbt_file="$RESULTS_DIR/compile_dbt.tsv"
  local all_sizes n m p c
  local existing=()
  [[ -f "$model_file" ]] && existing+=("$model_file")
  [[ -f "$dbt_file" ]] && existing+=("$dbt_file")
  all_sizes=""
  if ((${#existing[@]})); then
    all_sizes="$(awk -F'\t' '$1 ~ /^[0-9]+$/ { print $1 }' "${existing[@]}" | sort -nu)"
  fi
  echo
  echo "| models | model compile (s) | model ms/model | dbt parse (s) | dbt compile (s) | dbt compile / model compile |"
  echo "|-------:|------------------:|---------------:|--------------:|----------------:|----------------------------:|"
  for n in $all_sizes; do
    m="$(figure "$model_file" "$n" "model compile")"
    p="$(figure "$dbt_file" "$n" "dbt parse")"
    c="$(figure "$dbt_file" "$n" "dbt compile")"
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
  describe_results model "$model_file"
  describe_results dbt "$dbt_file"
  echo
}

[[ "${SKIP_MODEL:-0}" == 1 ]] || time_model
[[ "${SKIP_DBT:-0}" == 1 ]] || time_dbt

table="$(mktemp)"
render_table >"$table"
replace_between_markers "$BENCH_DIR/README.md" compile-results "$table"
rm -f "$table"
log "results written to bench/README.md and bench/results/"
cat "$RESULTS_DIR"/compile_*.tsv 2>/dev/null || true
