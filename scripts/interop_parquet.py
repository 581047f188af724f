#!/usr/bin/env python3
"""Checks that Parquet files sftkit wrote read the same in pyarrow, DuckDB, polars and
HuggingFace datasets.

Usage: interop_parquet.py PATH...   (files, or folders searched for *.parquet)

For every file:
  * every reader loads it and finds the same number of rows;
  * every string (and every other value) is equal across readers, byte for byte: rows are
    compared as UTF-8 JSON with sorted keys;
  * a `messages` column is a list of structs with string `role` and `content` fields, the
    shape TRL and HF chat templates expect;
  * no column and no struct field is null in every row: readers would hand such a field to
    chat templates and TRL as a `None` value in every message or row (a struct keeps one
    field when none has a value, as Parquet has no empty structs); for the files of one
    dataset (the shards of a split, the files of an export's data/ folder), in every row of
    every file, since they all have the columns any of them uses;
  * when every TRL key the file has (messages, prompt, completion, chosen, rejected) is a list
    of messages, TRL's is_conversational accepts every row as HF datasets loads it.
Shards named as the Hub names them (train-00000-of-00003.parquet) must come in complete
sets, and each set must load as one split through the glob a dataset card uses
(data_files: train-*), with as many rows as its files hold. The files of one dataset must
have the same schema, which HF datasets needs to load its splits as one dataset.
When a folder given holds an `expectations.json` (written by sftkit's InteropFilesTest),
its row counts and Arrow column types (field order and nullability aside) must match.

Prints one line per file and a summary; exits 1 on any mismatch, 2 on bad usage.
"""

import json
import os
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import datasets  # noqa: E402
import duckdb  # noqa: E402
import polars as pl  # noqa: E402
import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402
from trl.data_utils import is_conversational  # noqa: E402

datasets.disable_progress_bars()
datasets.logging.set_verbosity_error()


def arrow_type(t: pa.DataType) -> str:
    """An Arrow type as text with struct fields sorted by name and nullability, list item
    names and string/list widths left out, e.g. list<struct<content: string, role: string>>."""
    if pa.types.is_struct(t):
        fields = sorted((t.field(i).name, arrow_type(t.field(i).type)) for i in range(t.num_fields))
        return "struct<" + ", ".join(f"{name}: {ty}" for name, ty in fields) + ">"
    if pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t):
        return "list<" + arrow_type(t.value_type) + ">"
    if pa.types.is_string(t) or pa.types.is_large_string(t) or getattr(pa.types, "is_string_view", lambda _: False)(t):
        return "string"
    return str(t)


def row_bytes(row: dict) -> bytes:
    return json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def read_pyarrow(path: Path) -> list:
    return pq.read_table(path).to_pylist()


def read_duckdb(path: Path) -> list:
    con = duckdb.connect()
    try:
        cur = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, values)) for values in cur.fetchall()]
    finally:
        con.close()


def read_polars(path: Path) -> list:
    return pl.read_parquet(path).to_dicts()


def read_hf(path: Path, cache: str) -> list:
    ds = datasets.load_dataset("parquet", data_files=str(path), split="train", cache_dir=cache)
    return [dict(row) for row in ds]


TRL_KEYS = ("messages", "prompt", "completion", "chosen", "rejected")


def all_null_fields(name: str, array: pa.Array) -> list:
    """The paths of fields in `array` (a column) that hold no value in any row."""
    if len(array) == 0:
        return []
    if array.null_count == len(array):
        return [name]
    t = array.type
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return all_null_fields(name + "[]", array.flatten())
    if pa.types.is_struct(t):
        children = array.filter(array.is_valid()).flatten()
        if t.num_fields == 1 and children[0].null_count == len(children[0]):
            return []  # objects with no key that has a field: Parquet keeps one (null) field
        found = []
        for field, child in zip(t, children):
            found += all_null_fields(f"{name}.{field.name}", child)
        return found
    return []


def is_message_list(t: pa.DataType) -> bool:
    item = t.value_type if (pa.types.is_list(t) or pa.types.is_large_list(t)) else None
    return item is not None and pa.types.is_struct(item) and item.get_field_index("role") >= 0


def check_file(path: Path, expected: dict | None, cache: str) -> tuple:
    """The problems found in one file, empty when it passes, and its fields null in every row."""
    problems = []
    schema = pq.read_schema(path)
    readers = {
        "pyarrow": lambda: read_pyarrow(path),
        "duckdb": lambda: read_duckdb(path),
        "polars": lambda: read_polars(path),
        "datasets": lambda: read_hf(path, cache),
    }
    rows = {}
    for name, read in readers.items():
        try:
            rows[name] = read()
        except Exception as e:  # a reader that cannot load the file is the finding
            problems.append(f"{name} cannot read it: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}")
    counts = {name: len(r) for name, r in rows.items()}
    if len(set(counts.values())) > 1:
        problems.append(f"row counts differ: {counts}")
    elif rows:
        reference_name, reference = next(iter(rows.items()))
        for name, other in rows.items():
            for i, (a, b) in enumerate(zip(reference, other)):
                if row_bytes(a) != row_bytes(b):
                    problems.append(f"row {i + 1} differs between {reference_name} and {name}:"
                                    f" {row_bytes(a)[:200]!r} vs {row_bytes(b)[:200]!r}")
                    break

    if "messages" in schema.names:
        t = schema.field("messages").type
        item = t.value_type if (pa.types.is_list(t) or pa.types.is_large_list(t)) else None
        names = {item.field(i).name: arrow_type(item.field(i).type) for i in range(item.num_fields)} \
            if item is not None and pa.types.is_struct(item) else {}
        if names.get("role") != "string" or names.get("content") != "string":
            problems.append(f"messages is {arrow_type(t)}, not a list of structs with string role and content")

    table = pq.read_table(path)
    all_null = [field for column in table.column_names
                for field in all_null_fields(column, table.column(column).combine_chunks())]

    trl_columns = [c for c in TRL_KEYS if c in schema.names]
    if trl_columns and all(is_message_list(schema.field(c).type) for c in trl_columns) and "datasets" in rows:
        for i, row in enumerate(rows["datasets"]):
            if not is_conversational(row):
                problems.append(f"row {i + 1} is not conversational for TRL ({', '.join(trl_columns)})")
                break

    if expected is not None:
        if counts and expected["rows"] not in counts.values():
            problems.append(f"expected {expected['rows']} rows, readers found {counts}")
        for column, want in expected.get("columns", {}).items():
            if column not in schema.names:
                problems.append(f"column {column} is missing")
                continue
            got = arrow_type(schema.field(column).type)
            if got != want:
                problems.append(f"column {column} is {got}, expected {want}")
    return problems, all_null


def dataset_of(path: Path) -> Path:
    """The files read as one dataset with this one: its folder's, for shards and an export's data/ files."""
    return path.parent if SHARD.fullmatch(path.name) or path.parent.name == "data" else path


def check_datasets(files: list, all_null: dict) -> list:
    """(name, problems) for every dataset of several files: one schema, and no field null in all their rows."""
    sets = defaultdict(list)
    for f in files:
        sets[dataset_of(f)].append(f)
    results = []
    for key, members in sorted(sets.items()):
        problems = []
        schemas = {str(pq.read_schema(f).remove_metadata()) for f in members}
        if len(schemas) > 1:
            problems.append(f"its {len(members)} files have {len(schemas)} different schemas")
        null_everywhere = set.intersection(*(set(all_null[f]) for f in members))
        problems += [f"{field} is null in every row" for field in sorted(null_everywhere)]
        if len(members) > 1 or problems:
            results.append((f"{key} ({len(members)} files)" if len(members) > 1 else str(key), problems))
    return results


SHARD = re.compile(r"(?P<split>\w+(?:\.\w+)*)-(?P<index>\d{5,})-of-(?P<count>\d{5,})\.parquet")


def check_shard_sets(files: list, cache: str) -> list:
    """(name, problems) for every set of Hub-named shards among the files."""
    sets = defaultdict(list)
    for f in files:
        m = SHARD.fullmatch(f.name)
        if m:
            sets[(f.parent, m["split"])].append((int(m["index"]), int(m["count"]), f))
    results = []
    for (folder, split), shards in sorted(sets.items()):
        problems = []
        counts = {count for _, count, _ in shards}
        indexes = sorted(index for index, _, _ in shards)
        if len(counts) != 1 or indexes != list(range(next(iter(counts)))):
            problems.append(f"incomplete or mixed shard set: indexes {indexes}, counts {sorted(counts)}")
        rows = sum(pq.ParquetFile(f).metadata.num_rows for _, _, f in shards)
        try:
            ds = datasets.load_dataset("parquet", data_files={split: str(folder / f"{split}-*")}, split=split,
                                       cache_dir=cache)
            if len(ds) != rows:
                problems.append(f"the {split}-* glob loads {len(ds)} rows, the shards hold {rows}")
        except Exception as e:
            problems.append(f"datasets cannot load {split}-*: {type(e).__name__}: {e}")
        results.append((f"{folder}/{split}-* ({len(shards)} shards, {rows} rows)", problems))
    return results


def report(results: list, passed: str) -> int:
    """Prints (name, problems) results, with what a pass means; returns how many failed."""
    failed = 0
    for name, problems in results:
        if problems:
            failed += 1
            print(f"FAIL {name}")
            for p in problems:
                print(f"     {p}")
        else:
            print(f"ok   {name}: {passed}")
    return failed


def main(argv: list) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 2 if not argv else 0
    files = []  # (file, expectations entry or None)
    for arg in argv:
        p = Path(arg)
        if p.is_dir():
            exp_file = p / "expectations.json"
            exp = json.loads(exp_file.read_text(encoding="utf-8")) if exp_file.is_file() else {}
            for f in sorted(p.rglob("*.parquet")):
                files.append((f, exp.get(f.relative_to(p).as_posix())))
            missing = [k for k in exp if not (p / k).is_file()]
            if missing:
                print(f"FAIL {p}: expectations.json names files that are not there: {missing}")
                return 1
        elif p.is_file():
            files.append((p, None))
        else:
            print(f"no such file or folder: {arg}", file=sys.stderr)
            return 2
    if not files:
        print("no .parquet files found in " + " ".join(argv), file=sys.stderr)
        return 2

    failed = 0
    with tempfile.TemporaryDirectory(prefix="sftkit-hf-cache-") as cache:
        all_null = {}
        for f, exp in files:
            problems, all_null[f] = check_file(f, exp, cache)
            rows = pq.ParquetFile(f).metadata.num_rows
            checked = " and the expectations" if exp is not None else ""
            failed += report([(f"{f} ({rows} rows)", problems)], f"pyarrow, duckdb, polars, datasets agree{checked}")
        shard_sets = check_shard_sets([f for f, _ in files], cache)
        failed += report(shard_sets, "one split through the glob")
        dataset_sets = check_datasets([f for f, _ in files], all_null)
        failed += report(dataset_sets, "one schema, every field has a value somewhere")
    print(f"{len(files) + len(shard_sets) + len(dataset_sets) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
