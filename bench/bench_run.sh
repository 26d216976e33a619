#!/usr/bin/env bash
# Times `./model run --threads 4` on 1,000 view + 200 table models on DuckDB
# and `./model seed` of a 1,000,000-row CSV, and reports:
#   - engine overhead per node = (wall time - time inside the warehouse) / nodes,
#     the warehouse time being the union of the per-node `execute` intervals in
#     target/run_results.json (see run_overhead.py for why a union, not a sum);
#   - the 1M-row seed against DuckDB's own CSV reader
#     (`create table ... as select * from read_csv(...)` via the Python duckdb
#     package), which is the floor any seed loader on DuckDB can reach.
# Results go to bench/results/run.tsv and between the run-results markers of
# bench/README.md.
#
# Environment:
#   RUNS=3              `model run` repetitions (median overhead reported)
#   VIEWS=1000 TABLES=200 THREADS=4 SEED_ROWS=1000000 SEED=42
#   WITH_DBT=1          also time `dbt run` on the same project, same formula
#   DBT_VENV=/path      reuse a venv with dbt-duckdb (which brings duckdb)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
# shellcheck source=bench/lib.sh
source "$REPO/bench/lib.sh"

RUNS="${RUNS:-3}"
VIEWS="${VIEWS:-1000}"
TABLES="${TABLES:-200}"
THREADS="${THREADS:-4}"
SEED_ROWS="${SEED_ROWS:-1000000}"
SEED="${SEED:-42}"
MODEL="$REPO/model"

require_python

# Fail before generating anything when the commands this needs don't exist:
# a half-run benchmark would leave misleading figures behind.
[[ -x "$MODEL" ]] || die "./model launcher not found: build it first (see README.md); bench_run.sh needs './model seed' and './model run'"
for cmd in seed run; do
  "$MODEL" "$cmd" --help >/dev/null 2>&1 || die "'./model $cmd' is not available yet (./model $cmd --help failed)"
done
venv="$(ensure_venv)" || die "need a venv with the duckdb package for the read_csv reference (set DBT_VENV or allow pip)"
"$venv/bin/python" -c 'import duckdb' 2>/dev/null || die "$venv has no duckdb package (pip install duckdb)"

dir="$OUT_DIR/run_$((VIEWS + TABLES))"
mkdir -p "$OUT_DIR/logs" "$RESULTS_DIR"
log "generating $VIEWS views + $TABLES tables with a $SEED_ROWS-row seed"
python3 "$BENCH_DIR/generate_project.py" --models "$((VIEWS + TABLES))" --tables "$TABLES" --ephemerals 0 \
  --big-seed-rows "$SEED_ROWS" --threads "$THREADS" --seed "$SEED" --out "$dir" >&2

# Wall time of one command, run inside the project so the profile's relative
# DuckDB path resolves the same way for model and dbt.
wall() {
  local logfile="$1" start end
  shift
  start=$(date +%s.%N)
  if ! (cd "$dir" && "$@") >>"$logfile" 2>&1; then
    tail -n 20 "$logfile" >&2
    die "command failed: $* (full log: $logfile)"
  fi
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", e - s }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.2f\n", m }'; }

# Seed: one whole-process run on a fresh database; the big seed's own time
# comes from its node in run_results.json.
rm -f "$dir/bench.duckdb" "$dir/bench.duckdb.wal"
log "model seed ($SEED_ROWS-row CSV + 5 small seeds)"
seed_wall="$(wall "$OUT_DIR/logs/model_seed.log" "$MODEL" seed --project-dir . --profiles-dir .)"
big_seed_s="$(python3 - "$dir/target/run_results.json" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
times = [r["execution_time"] for r in doc["results"] if r["unique_id"].endswith(".big_events")]
if not times:
    sys.exit("error: run_results.json of `model seed` has no big_events node")
print(f"{times[0]:.3f}")
EOF
)"

log "DuckDB read_csv reference"
duckdb_s="$("$venv/bin/python" - "$dir/seeds/big_events.csv" <<'EOF'
import os, sys, tempfile, time
import duckdb
with tempfile.TemporaryDirectory() as tmp:
    con = duckdb.connect(os.path.join(tmp, "ref.duckdb"))
    start = time.perf_counter()
    con.execute("create table big_events as select * from read_csv(?, header = true)", [sys.argv[1]])
    elapsed = time.perf_counter() - start
    rows = con.execute("select count(*) from big_events").fetchone()[0]
    con.close()
print(f"{elapsed:.3f}")
print(f"loaded {rows} rows", file=sys.stderr)
EOF
)"

# Run: the first run creates every relation, later ones replace them, as in a
# development loop; each run's overhead is computed from its own run_results.
overheads=()
for ((i = 1; i <= RUNS; i++)); do
  log "model run --threads $THREADS, run $i/$RUNS"
  secs="$(wall "$OUT_DIR/logs/model_run.log" "$MODEL" run --threads "$THREADS" --project-dir . --profiles-dir .)"
  line="$(python3 "$BENCH_DIR/run_overhead.py" "$dir/target/run_results.json" "$secs")"
  log "  nodes, wall, in warehouse (union), sum of node times, overhead, ms/node: $line"
  overheads+=("$line")
done
model_line="$(printf '%s\n' "${overheads[@]}" | sort -t$'\t' -k6,6n | sed -n "$(((RUNS + 1) / 2))p")"

dbt_line=""
if [[ "${WITH_DBT:-0}" == 1 ]]; then
  [[ -x "$venv/bin/dbt" ]] || die "WITH_DBT=1 but $venv has no dbt"
  dbt_overheads=()
  for ((i = 1; i <= RUNS; i++)); do
    log "dbt run --threads $THREADS, run $i/$RUNS"
    secs="$(wall "$OUT_DIR/logs/dbt_run.log" "$venv/bin/dbt" run --threads "$THREADS" --no-partial-parse \
      --project-dir . --profiles-dir .)"
    line="$(python3 "$BENCH_DIR/run_overhead.py" "$dir/target/run_results.json" "$secs")"
    log "  $line"
    dbt_overheads+=("$line")
  done
  dbt_line="$(printf '%s\n' "${dbt_overheads[@]}" | sort -t$'\t' -k6,6n | sed -n "$(((RUNS + 1) / 2))p")"
fi

{
  printf '# date: %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf '# machine: %s\n' "$(machine_info)"
  printf '# model: %s\n' "$(git -C "$REPO" describe --always --dirty)"
  printf 'what\tnodes\twall_s\twarehouse_union_s\tsum_execution_s\toverhead_s\toverhead_ms_per_node\n'
  printf 'model run\t%s\n' "$model_line"
  [[ -z "$dbt_line" ]] || printf 'dbt run\t%s\n' "$dbt_line"
  printf 'model seed (whole process)\t-\t%s\n' "$seed_wall"
  printf 'model seed big_events node\t-\t%s\n' "$big_seed_s"
  printf 'duckdb read_csv\t-\t%s\n' "$duckdb_s"
} >"$RESULTS_DIR/run.tsv"

table="$(mktemp)"
{
  echo
  echo "| measurement | nodes | wall (s) | in warehouse (s) | overhead (s) | overhead per node (ms) |"
  echo "|-------------|------:|---------:|-----------------:|-------------:|-----------------------:|"
  for label_line in "model run --threads $THREADS|$model_line" ${dbt_line:+"dbt run --threads $THREADS|$dbt_line"}; do
    IFS=$'\t' read -r nodes w inside _summed over per <<<"${label_line#*|}"
    echo "| ${label_line%%|*} | $nodes | $w | $inside | $over | $per |"
  done
  echo
  echo "| $SEED_ROWS-row seed | seconds |"
  echo "|---|---:|"
  echo "| \`./model seed\`, whole process (also 5 small seeds) | $seed_wall |"
  echo "| \`./model seed\`, big_events node execution_time | $big_seed_s |"
  echo "| DuckDB \`create table as select * from read_csv(...)\` | $duckdb_s |"
  echo "| ratio model node / DuckDB | $(awk -v a="$big_seed_s" -v b="$duckdb_s" 'BEGIN { printf "%.1fx", a / b }') |"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(machine_info); model $(git -C "$REPO" describe --always --dirty); median of $RUNS runs."
  echo
} >"$table"
replace_between_markers "$BENCH_DIR/README.md" run-results "$table"
rm -f "$table"
log "results written to bench/README.md and bench/results/run.tsv"
cat "$RESULTS_DIR/run.tsv"
