#!/usr/bin/env python3
"""Engine overhead per node from a run_results.json (dbt's v6 shape) and a wall time.

With several threads, summing per-node execution times counts overlapping time
several times, so "time inside the warehouse" here is the union of the
per-node `execute` timing intervals: the wall time during which at least one
query was running. What is left of the wall time (start-up, parsing,
compiling, scheduling, artifact writing) is the engine's overhead.

Usage: run_overhead.py <run_results.json> <wall_seconds>
Prints one tab-separated line:
  nodes  wall_s  warehouse_union_s  sum_execution_time_s  overhead_s  overhead_ms_per_node
Exits 1 with a message when the file is missing, malformed or holds failed nodes.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime


def parse_ts(text: str) -> datetime:
    # dbt writes e.g. 2024-05-01T10:00:00.123456Z; fromisoformat wants +00:00.
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def union_seconds(intervals: list[tuple[datetime, datetime]]) -> float:
    total = 0.0
    end = None
    start = None
    for s, e in sorted(intervals):
        if end is None or s > end:
            if end is not None:
                total += (end - start).total_seconds()
            start, end = s, e
        elif e > end:
            end = e
    if end is not None:
        total += (end - start).total_seconds()
    return total


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    path, wall = argv[1], float(argv[2])
    try:
        with open(path) as f:
            doc = json.load(f)
        results = doc["results"]
    except (OSError, ValueError, KeyError) as e:
        print(f"error: cannot read run results from {path}: {e}", file=sys.stderr)
        return 1
    bad = [r.get("unique_id", "?") for r in results if r.get("status") not in ("success", "pass")]
    if bad:
        print(f"error: {len(bad)} node(s) did not succeed, e.g. {bad[:3]}; overhead would be meaningless",
              file=sys.stderr)
        return 1
    intervals = []
    missing = 0
    for r in results:
        execute = [t for t in r.get("timing", []) if t.get("name") == "execute"
                   and t.get("started_at") and t.get("completed_at")]
        if not execute:
            missing += 1
            continue
        intervals.append((parse_ts(execute[0]["started_at"]), parse_ts(execute[0]["completed_at"])))
    if results and missing == len(results):
        print(f"error: no node in {path} has an `execute` entry in `timing`; the time inside the "
              "warehouse cannot be told apart from the engine's", file=sys.stderr)
        return 1
    if missing:
        print(f"warning: {missing} node(s) have no execute timing; their warehouse time counts as overhead",
              file=sys.stderr)
    nodes = len(results)
    inside = union_seconds(intervals)
    summed = sum(float(r.get("execution_time", 0.0)) for r in results)
    overhead = wall - inside
    per_node_ms = 1000 * overhead / nodes if nodes else float("nan")
    print(f"{nodes}\t{wall:.3f}\t{inside:.3f}\t{summed:.3f}\t{overhead:.3f}\t{per_node_ms:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
