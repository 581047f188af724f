"""Loads what sftkit wrote with the readers its users have, and fails on any mismatch.

Usage: interop_json.py DIR

Walks DIR for sftkit outputs and checks:
- every .jsonl / .json dataset loads with HF `datasets.load_dataset("json")` with the same
  row count and the same string values (Thai, emoji) as Python's own json module;
- every .jsonl loads with `pyarrow.json.read_json`;
- every chatml-shaped file (a `messages` column) passes TRL's `is_conversational` on every row;
- every folder with a dataset card README.md (`export --for hf`) loads with
  `load_dataset(folder)` through the card's `configs:`, with the split sizes of its files;
- every LLaMA-Factory `dataset_info.json` (`export --for llama-factory`) names files that exist,
  and every sharegpt-formatted row passes LLaMA-Factory's alternation and count rules.
"""

import atexit
import datetime
import json
import pathlib
import shutil
import sys
import tempfile

import datasets
import pyarrow.json as pajson
from trl.data_utils import is_conversational

datasets.disable_progress_bars()
datasets.logging.set_verbosity_error()

failures = []
checked = 0
# a cache of this run's own: datasets may otherwise answer from an earlier run's files at the same path
CACHE = tempfile.mkdtemp(prefix="sftkit-interop-hf-")
atexit.register(shutil.rmtree, CACHE, ignore_errors=True)


def fail(msg):
    failures.append(msg)
    print("FAIL " + msg)


def python_rows(path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    return json.loads(text)


def strings(value, out):
    if isinstance(value, datetime.datetime):
        # HF's JSON loader (pyarrow) reads ISO-8601 strings such as generated_at as timestamps
        out.append(value.strftime("%Y-%m-%dT%H:%M:%SZ"))
    elif isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for v in value.values():
            strings(v, out)
    elif isinstance(value, list):
        for v in value:
            strings(v, out)
    return out


def check_file(path):
    global checked
    rows = python_rows(path)
    try:
        ds = datasets.load_dataset("json", data_files=str(path), split="train", cache_dir=CACHE)
    except Exception as e:  # noqa: BLE001 - any loader failure is the finding
        fail(f"{path}: HF load_dataset('json') failed: {e}")
        return
    if ds.num_rows != len(rows):
        fail(f"{path}: HF read {ds.num_rows} rows, the file has {len(rows)}")
        return
    for i, (mine, theirs) in enumerate(zip(rows, ds)):
        expected = sorted(strings(mine, []))
        got = [s for s in strings(theirs, []) if s is not None]
        missing = [s for s in expected if s not in got]
        if missing:
            fail(f"{path}: row {i + 1}: HF lost or changed strings, e.g. {missing[0][:60]!r}")
            break
    if path.suffix == ".jsonl" and rows:
        try:
            table = pajson.read_json(str(path))
            if table.num_rows != len(rows):
                fail(f"{path}: pyarrow read {table.num_rows} rows, the file has {len(rows)}")
        except Exception as e:  # noqa: BLE001
            fail(f"{path}: pyarrow.json.read_json failed: {e}")
    # TRL's conversational check applies to message-list files (chatml); canonical preference
    # rows keep chosen/rejected as single message objects, which is not a TRL form.
    if rows and "messages" in rows[0] and not isinstance(rows[0].get("chosen"), dict):
        for i, row in enumerate(ds):
            if not is_conversational(row):
                fail(f"{path}: row {i + 1} is not conversational for TRL")
                break
    checked += 1


def check_hf_card(folder):
    global checked
    card = (folder / "README.md").read_text(encoding="utf-8")
    if not card.startswith("---") or "configs:" not in card:
        fail(f"{folder}/README.md has no YAML configs front matter")
        return
    try:
        dd = datasets.load_dataset(str(folder), cache_dir=CACHE)
    except Exception as e:  # noqa: BLE001
        fail(f"{folder}: load_dataset through the card's configs failed: {e}")
        return
    for split, ds in dd.items():
        files = sorted(p for p in folder.rglob(f"{split}*") if p.is_file() and p.suffix in (".jsonl", ".json"))
        expected = sum(len(python_rows(p)) for p in files)
        if files and ds.num_rows != expected:
            fail(f"{folder}: split {split} has {ds.num_rows} rows through the card, its files {expected}")
    checked += 1


LF_USER = {"human", "observation"}
LF_ASSISTANT = {"gpt", "function_call"}


def check_llama_factory(info_path):
    global checked
    info = json.loads(info_path.read_text(encoding="utf-8"))
    for name, entry in info.items():
        data = info_path.parent / entry["file_name"]
        if not data.exists():
            fail(f"{info_path}: {name}: file_name {entry['file_name']} does not exist")
            continue
        if entry.get("formatting", "alpaca") != "sharegpt" or data.suffix not in (".json", ".jsonl"):
            continue
        cols = entry.get("columns", {})
        tags = entry.get("tags", {})
        role_tag = tags.get("role_tag", "from")
        content_tag = tags.get("content_tag", "value")
        user = {tags.get("user_tag", "human"), tags.get("observation_tag", "observation")}
        assistant = {tags.get("assistant_tag", "gpt"), tags.get("function_tag", "function_call")}
        system = tags.get("system_tag", "system")
        ranking = entry.get("ranking", False)
        for i, row in enumerate(python_rows(data)):
            turns = row[cols.get("messages", "conversations")]
            if turns and turns[0][role_tag] == system:
                turns = turns[1:]
            ok = all(
                t[role_tag] in (user if j % 2 == 0 else assistant) and content_tag in t
                for j, t in enumerate(turns)
            )
            if ranking:
                ok = ok and len(turns) % 2 == 1
            else:
                ok = ok and len(turns) % 2 == 0 and len(turns) > 0
            if not ok:
                fail(f"{data}: row {i + 1} would be skipped by LLaMA-Factory")
                break
    checked += 1


def main():
    root = pathlib.Path(sys.argv[1])
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".jsonl", ".json") and path.name != "dataset_info.json" \
                and path.name != "metadata.json" and path.name != "validation_report.json":
            check_file(path)
        elif path.name == "README.md":
            check_hf_card(path.parent)
        elif path.name == "dataset_info.json":
            check_llama_factory(path)
    print(f"interop (json): {checked} checked, {len(failures)} failed")
    if checked == 0:
        print("interop (json): nothing to check under " + str(root))
        sys.exit(1)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
