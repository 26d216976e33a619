#!/usr/bin/env python3
"""Generate a synthetic dbt project for benchmarking `model` against dbt.

The project is a layered random DAG: models in layer k ref 1-4 models from
earlier layers (always at least one from layer k-1, so the DAG is as deep as
it has layers); layer 0 reads seeds or sources. Every model outputs the same
five columns (id, key, category, amount, updated_at) so that any model can
ref any earlier one, and joins are on `id` with the first parent driving the
left join, so `id` stays unique and not null all the way down: the generated
generic tests are true and `dbt build` on the project passes.

Output is a pure function of (--models, --seed, options): the same inputs give
byte-identical files, so timings of different engines and revisions compare
like for like.

Usage:
  generate_project.py --models 1000 --seed 42 --out bench/out/p1k
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_NAME = "bench"
CATEGORIES = ["alpha", "beta", "gamma", "delta"]
SEED_COUNT = 5
SEED_ROWS = 100
LAYERS = 10
# Folders hold at most this many models, like a real project split by domain;
# one property YAML per folder.
FOLDER_SIZE = 50
# Share of models whose SQL uses Jinja beyond ref/source/config.
JINJA_SHARE = 0.20
DEFAULT_TABLE_SHARE = 0.15
DEFAULT_EPHEMERAL_SHARE = 0.10


@dataclass
class Model:
    name: str
    layer: int
    folder: str
    materialized: str  # view | table | ephemeral
    parents: list[str] = field(default_factory=list)
    upstream: str | None = None  # "seed:<name>" or "source:<name>" for layer 0
    jinja_kind: str | None = None  # None means simple SQL


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--models", type=int, required=True, help="number of models")
    p.add_argument("--seed", type=int, default=42, help="random seed (output is deterministic for a seed)")
    p.add_argument("--out", type=Path, required=True, help="project directory to (re)create")
    p.add_argument("--tables", type=int, default=None,
                   help=f"exact number of table models (default {DEFAULT_TABLE_SHARE:.0%} of models)")
    p.add_argument("--ephemerals", type=int, default=None,
                   help=f"exact number of ephemeral models (default {DEFAULT_EPHEMERAL_SHARE:.0%} of models)")
    p.add_argument("--big-seed-rows", type=int, default=0,
                   help="also write seeds/big_events.csv with this many rows (for seed benchmarks)")
    p.add_argument("--threads", type=int, default=2, help="threads in profiles.yml")
    p.add_argument("--legacy-tests", action="store_true",
                   help="write `tests:` with arguments beside the test name (dbt < 1.10 style) "
                        "instead of `data_tests:` with `arguments:`")
    args = p.parse_args(argv)
    if args.models < 1:
        p.error("--models must be at least 1")
    return args


def plan_models(n: int, rng: random.Random, tables: int, ephemerals: int) -> list[Model]:
    layers = min(LAYERS, n)
    # Spread models evenly over layers; the remainder goes to the first layers.
    sizes = [n // layers + (1 if i < n % layers else 0) for i in range(layers)]

    materializations = ["table"] * tables + ["ephemeral"] * ephemerals
    materializations += ["view"] * (n - len(materializations))
    rng.shuffle(materializations)

    models: list[Model] = []
    by_layer: list[list[Model]] = []
    index = 0
    for layer, size in enumerate(sizes):
        current: list[Model] = []
        for j in range(size):
            name = f"l{layer:02d}_m{index:05d}"
            folder = f"layer_{layer:02d}/group_{j // FOLDER_SIZE:03d}"
            mat = materializations[index]
            # A leaf-free ephemeral in layer 0 reading a seed is fine, but an
            # ephemeral can't be the target of relationships tests or carry
            # tests itself, which is handled when writing YAML.
            current.append(Model(name, layer, folder, mat))
            index += 1
        by_layer.append(current)
        models.extend(current)

    for layer, current in enumerate(by_layer):
        for m in current:
            if layer == 0:
                i = rng.randrange(SEED_COUNT)
                m.upstream = f"seed:raw_{i}" if rng.random() < 0.5 else f"source:raw_{i}"
                continue
            wanted = rng.randint(1, 4)
            parents = [rng.choice(by_layer[layer - 1])]
            earlier = [x for ls in by_layer[:layer] for x in ls]
            tries = 0
            while len(parents) < wanted and tries < 20:
                tries += 1
                cand = rng.choice(earlier)
                if cand not in parents:
                    parents.append(cand)
            # Ephemerals inline into their children as CTEs; chains of them
            # grow compiled SQL quickly, which is a different benchmark. Keep at
            # most one ephemeral parent, and none for an ephemeral model.
            kept: list[Model] = []
            for cand in parents:
                eph = cand.materialized == "ephemeral"
                if eph and (m.materialized == "ephemeral" or any(k.materialized == "ephemeral" for k in kept)):
                    continue
                kept.append(cand)
            if not kept:
                # Every candidate was ephemeral: fall back to a non-ephemeral one.
                solid = [x for x in earlier if x.materialized != "ephemeral"]
                kept = [rng.choice(solid)] if solid else []
            if not kept:
                # Only ephemerals exist upstream (tiny projects): read a seed.
                m.upstream = "seed:raw_0"
            m.parents = [k.name for k in kept]

    kinds = ["for_loop", "var", "macro", "if"]
    jinja_count = round(n * JINJA_SHARE)
    for i, m in enumerate(rng.sample(models, jinja_count)):
        m.jinja_kind = kinds[i % len(kinds)]
    return models


def upstream_call(m: Model) -> str:
    kind, name = m.upstream.split(":")
    if kind == "seed":
        return f"{{{{ ref('{name}') }}}}"
    return f"{{{{ source('raw', '{name}') }}}}"


def model_sql(m: Model) -> str:
    header: list[str] = []
    if m.materialized != "view":
        header += [f"{{{{ config(materialized='{m.materialized}') }}}}", ""]
    amount = "a.amount"
    for i in range(1, len(m.parents)):
        amount += f" + coalesce(p{i}.amount, 0)"
    key = "a.key"
    where: str | None = None

    if m.jinja_kind == "for_loop":
        # Weight the amount per category with a loop over a literal mapping.
        header.append("{% set weights = {'alpha': 1, 'beta': 2, 'gamma': 3, 'delta': 4} %}")
        amount = (f"({amount}) * case a.category"
                  "{% for cat, w in weights.items() %} when '{{ cat }}' then {{ w }}{% endfor %}"
                  " else 1 end")
    elif m.jinja_kind == "var":
        where = "a.amount >= {{ var('bench_min_amount') }}"
    elif m.jinja_kind == "macro":
        amount = f"{{{{ bench_round_money('{amount}') }}}}"
        key = "{{ bench_key('a.key', 'a.category') }}"
    elif m.jinja_kind == "if":
        where = "a.updated_at >= date '2020-01-01'"

    body = ["select", "    a.id,", f"    {key} as key,", "    a.category,",
            f"    {amount} as amount,", "    a.updated_at"]
    if m.parents:
        body.append(f"from {{{{ ref('{m.parents[0]}') }}}} as a")
        for i, p in enumerate(m.parents[1:], start=1):
            body.append(f"left join {{{{ ref('{p}') }}}} as p{i} on a.id = p{i}.id")
    else:
        body.append(f"from {upstream_call(m)} as a")

    if m.jinja_kind == "if":
        # Both branches select the same columns; only the filter differs.
        lines = header + ["{% if var('bench_include_recent', true) %}"] + body + [f"where {where}",
                 "{% else %}"] + body + ["{% endif %}"]
    else:
        lines = header + body + ([f"where {where}"] if where else [])
    return "\n".join(lines) + "\n"


def test_with_args(name: str, args: list[str], legacy: bool) -> list[str]:
    """A generic test with arguments, in dbt 1.10's shape (`arguments:`) or the
    older one (arguments beside the test name), which most projects still use."""
    if legacy:
        return [f"          - {name}:"] + [f"              {a}" for a in args]
    return [f"          - {name}:", "              arguments:"] + [f"                {a}" for a in args]


def properties_yaml(models: list[Model], rng: random.Random, names: dict[str, Model], legacy: bool) -> str:
    tests_key = "tests" if legacy else "data_tests"
    out = ["version: 2", "", "models:"]
    for m in models:
        out.append(f"  - name: {m.name}")
        out.append(f"    description: \"Synthetic model {m.name} in layer {m.layer} ({m.materialized}).\"")
        if m.materialized == "ephemeral":
            # Ephemeral models have no relation to test.
            continue
        cols: list[str] = []
        if rng.random() < 0.30:
            cols += ["      - name: id",
                     "        description: \"Primary key, carried from the first parent.\"",
                     f"        {tests_key}:", "          - not_null", "          - unique"]
            # Only the first parent drives the left join, so only its ids are
            # guaranteed to contain ours; an ephemeral parent has no relation.
            first = names[m.parents[0]] if m.parents else None
            if rng.random() < 0.35 and first and first.materialized != "ephemeral":
                cols += test_with_args("relationships", [f"to: ref('{first.name}')", "field: id"], legacy)
            if rng.random() < 0.1:
                cols += ["          - bench_non_negative"]
        if rng.random() < 0.10:
            cols += ["      - name: category",
                     "        description: \"One of a fixed set of categories.\"",
                     f"        {tests_key}:"]
            cols += test_with_args("accepted_values", [f"values: [{', '.join(repr(c) for c in CATEGORIES)}]"], legacy)
        if rng.random() < 0.2:
            cols += ["      - name: amount", "        description: \"Amount in currency units.\""]
        if cols:
            out.append("    columns:")
            out.extend(cols)
    return "\n".join(out) + "\n"


MACROS = {
    "bench_round_money.sql": """\
{% macro bench_round_money(expr, digits=2) -%}
    round(cast({{ expr }} as decimal(18, 4)), {{ digits }})
{%- endmacro %}
""",
    "bench_key.sql": """\
{# Concatenates parts with a separator; the loop is deliberate, to exercise for-loops in macros. #}
{% macro bench_key(parts_a, parts_b, sep='-') -%}
    {%- set parts = [parts_a, parts_b] -%}
    {%- for p in parts -%}
        cast({{ p }} as varchar){% if not loop.last %} || '{{ sep }}' || {% endif %}
    {%- endfor -%}
{%- endmacro %}
""",
    "bench_non_negative.sql": """\
{% test bench_non_negative(model, column_name) %}
select {{ column_name }}
from {{ model }}
where {{ column_name }} < 0
{% endtest %}
""",
}


def dbt_project_yaml() -> str:
    return f"""\
name: '{PROJECT_NAME}'
version: '1.0.0'
config-version: 2
profile: '{PROJECT_NAME}'

model-paths: ["models"]
seed-paths: ["seeds"]
macro-paths: ["macros"]
test-paths: ["tests"]
target-path: "target"
clean-targets: ["target"]

vars:
  bench_min_amount: 0
  bench_include_recent: true

models:
  {PROJECT_NAME}:
    +materialized: view

seeds:
  {PROJECT_NAME}:
    +column_types:
      id: integer
      amount: double
"""


def profiles_yaml(threads: int) -> str:
    # Relative path: dbt-duckdb resolves it against the working directory, so
    # the bench scripts run dbt from inside the project directory.
    return f"""\
{PROJECT_NAME}:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: bench.duckdb
      schema: main
      threads: {threads}
"""


def sources_yaml() -> str:
    # The sources name the seed tables, so `seed` then `run` works end to end.
    out = ["version: 2", "", "sources:", "  - name: raw", "    schema: main",
           "    description: \"Raw tables, loaded by the seeds of this project.\"", "    tables:"]
    for i in range(SEED_COUNT):
        out += [f"      - name: raw_{i}", f"        description: \"Raw table {i}.\""]
    return "\n".join(out) + "\n"


def write_seed(path: Path, rows: int, rng: random.Random) -> None:
    with path.open("w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "key", "category", "amount", "updated_at"])
        for i in range(1, rows + 1):
            day = rng.randrange(1, 28)
            month = rng.randrange(1, 13)
            w.writerow([i, f"k{rng.randrange(10**6):06d}", rng.choice(CATEGORIES),
                        f"{rng.randrange(0, 100000) / 100:.2f}", f"20{rng.randrange(18, 25)}-{month:02d}-{day:02d}"])


def generate(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    n = args.models
    tables = args.tables if args.tables is not None else round(n * DEFAULT_TABLE_SHARE)
    ephemerals = args.ephemerals if args.ephemerals is not None else round(n * DEFAULT_EPHEMERAL_SHARE)
    if tables + ephemerals > n:
        sys.exit(f"error: --tables ({tables}) + --ephemerals ({ephemerals}) exceed --models ({n})")

    out: Path = args.out
    if out.exists():
        shutil.rmtree(out)
    (out / "models").mkdir(parents=True)
    (out / "seeds").mkdir()
    (out / "macros").mkdir()
    (out / "tests").mkdir()

    (out / "dbt_project.yml").write_text(dbt_project_yaml())
    (out / "profiles.yml").write_text(profiles_yaml(args.threads))
    (out / "models" / "_sources.yml").write_text(sources_yaml())
    for name, body in MACROS.items():
        (out / "macros" / name).write_text(body)

    seed_rng = random.Random(args.seed + 1)
    for i in range(SEED_COUNT):
        write_seed(out / "seeds" / f"raw_{i}.csv", SEED_ROWS, seed_rng)
    if args.big_seed_rows:
        write_seed(out / "seeds" / "big_events.csv", args.big_seed_rows, random.Random(args.seed + 2))

    models = plan_models(n, rng, tables, ephemerals)
    names = {m.name: m for m in models}
    folders: dict[str, list[Model]] = {}
    for m in models:
        folders.setdefault(m.folder, []).append(m)
    yaml_rng = random.Random(args.seed + 3)
    for folder, members in folders.items():
        d = out / "models" / folder
        d.mkdir(parents=True, exist_ok=True)
        for m in members:
            (d / f"{m.name}.sql").write_text(model_sql(m))
        (d / "_models.yml").write_text(properties_yaml(members, yaml_rng, names, args.legacy_tests))

    # One singular test, so the project has every kind of node dbt parses.
    first = next((m for m in models if m.materialized != "ephemeral"), None)
    if first:
        (out / "tests" / "assert_no_negative_amounts.sql").write_text(
            f"select id from {{{{ ref('{first.name}') }}}} where amount < 0\n")

    counts = {k: sum(1 for m in models if m.materialized == k) for k in ("view", "table", "ephemeral")}
    jinja = sum(1 for m in models if m.jinja_kind)
    print(f"generated {n} models ({counts['view']} view, {counts['table']} table, "
          f"{counts['ephemeral']} ephemeral; {jinja} with Jinja) in {len(folders)} folders at {out}")


if __name__ == "__main__":
    generate(parse_args(sys.argv[1:]))
