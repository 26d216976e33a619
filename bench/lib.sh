# Shared helpers for the bench scripts; sourced, never run.
# Callers must have `set -euo pipefail` and REPO set to the repository root.

BENCH_DIR="$REPO/bench"
OUT_DIR="$BENCH_DIR/out"
RESULTS_DIR="$BENCH_DIR/results"

# dbt must not phone home while being timed (usage stats, PyPI version check).
export DBT_SEND_ANONYMOUS_USAGE_STATS=false
export DBT_VERSION_CHECK=false
export DO_NOT_TRACK=1

log() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] error: %s\n' "$*" >&2; exit 1; }

require_python() {
  command -v python3 >/dev/null || die "python3 is needed to generate projects (the product itself does not need it)"
}

# Prints the venv directory that holds dbt (and duckdb), creating bench/.venv
# on a fresh machine. DBT_VENV reuses an existing venv instead. Returns 1 when
# no venv with dbt can be had (no network, no pip), so callers can skip dbt.
ensure_venv() {
  local venv="${DBT_VENV:-$BENCH_DIR/.venv}"
  if [[ -x "$venv/bin/dbt" ]]; then
    printf '%s\n' "$venv"
    return 0
  fi
  if [[ -n "${DBT_VENV:-}" ]]; then
    log "DBT_VENV=$DBT_VENV has no bin/dbt"
    return 1
  fi
  log "creating $venv with dbt-core and dbt-duckdb (once; set DBT_VENV to reuse another venv)"
  python3 -m venv "$venv" >&2 || return 1
  # shellcheck disable=SC2086 # the spec is a list of requirement strings
  "$venv/bin/pip" install --quiet --disable-pip-version-check ${DBT_PIP_SPEC:-dbt-core dbt-duckdb duckdb} >&2 || return 1
  printf '%s\n' "$venv"
}

# Medians over RUNS whole-process runs of a command in a directory, in seconds.
# `prepare` runs before each timed run and is not timed (e.g. removing target/,
# so every run starts cold as a CI job would). The command's output goes to
# $logfile; a failing command aborts, since its time would mean nothing.
# Usage: time_median <runs> <dir> <logfile> <prepare> -- cmd args...
time_median() {
  local runs="$1" dir="$2" logfile="$3" prepare="$4"
  shift 5
  : >"$logfile"
  if [[ "${NO_HYPERFINE:-0}" != 1 ]] && command -v hyperfine >/dev/null; then
    local csv cmd
    csv="$(mktemp)"
    cmd="cd $(printf '%q' "$dir") && $(printf '%q ' "$@") >>$(printf '%q' "$logfile") 2>&1"
    if ! hyperfine --runs "$runs" --prepare "$prepare" --export-csv "$csv" --style none "$cmd" >>"$logfile" 2>&1; then
      tail -n 20 "$logfile" >&2
      die "command failed: $* (in $dir; full log: $logfile)"
    fi
    # CSV columns: command,mean,stddev,median,user,system,min,max
    awk -F, 'NR == 2 { printf "%.3f\n", $4 }' "$csv"
    rm -f "$csv"
    return 0
  fi
  local i start end times=()
  for ((i = 0; i < runs; i++)); do
    (cd "$dir" && eval "$prepare")
    start=$(date +%s.%N)
    if ! (cd "$dir" && "$@") >>"$logfile" 2>&1; then
      tail -n 20 "$logfile" >&2
      die "command failed: $* (in $dir; full log: $logfile)"
    fi
    end=$(date +%s.%N)
    times+=("$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }')")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.3f\n", m }'
}

# One line describing the machine, for results files: figures on a shared
# 2-core box vary with load, so the load average is recorded too.
machine_info() {
  local cpu java
  cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)"
  java="$(java -version 2>&1 | head -n 1 || echo 'no java')"
  printf 'nproc=%s; cpu=%s; java=%s; load=%s' "$(nproc)" "$cpu" "$java" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

# Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->` in a
# file with the contents of another file.
replace_between_markers() {
  local file="$1" name="$2" content_file="$3" tmp
  grep -q "<!-- $name:start -->" "$file" || die "$file lacks the marker <!-- $name:start -->"
  grep -q "<!-- $name:end -->" "$file" || die "$file lacks the marker <!-- $name:end -->"
  tmp="$(mktemp)"
  awk -v start="<!-- $name:start -->" -v end="<!-- $name:end -->" -v content="$content_file" '
    $0 == start { print; while ((getline line < content) > 0) print line; skip = 1; next }
    $0 == end   { skip = 0 }
    !skip       { print }
  ' "$file" >"$tmp"
  mv "$tmp" "$file"
}
