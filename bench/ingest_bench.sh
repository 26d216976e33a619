#!/usr/bin/env bash
# Ingest benchmark: consumer throughput into DuckDB, then produce->queryable latency at a fixed
# rate, against an in-process Kafka broker. Usage: bench/ingest_bench.sh [EVENTS] [RATE] [SECONDS]
# (defaults 1000000 5000 30); -DskipTests still compiles the test classes, where the bench lives.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B -o -DskipTests -pl cli -am package > /dev/null
exec java -Xmx2g -XX:+UseParallelGC ${BENCH_JAVA_OPTS:-} -cp "cli/target/model.jar:ingest/target/test-classes" \
  dev.model.ingest.bench.IngestBench "${1:-1000000}" "${2:-5000}" "${3:-30}"
