"""Runs sftkit and the tools users would pick instead side by side on the same input, and
prints median wall time, MB/s, peak RSS and the ratio sftkit/baseline for each pair.

sftkit runs through its launcher (./sftkit), as users run it: with the launcher's JVM flags
and class-data sharing archive, start-up included.

Usage: run.py [--rows 200000,1000000] [--runs 3] [--skip TOOL,...] [--quick]
  --quick: 2000 rows, one run each: checks that every tool runs and agrees on row counts
           (what CI runs); its timings mean nothing.
A tool that fails is reported as failed and the others still run; the exit status is then 1.
"""

import argparse
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
WORK = ROOT / "target" / "bench"
PY = sys.executable

SFTKIT = [str(ROOT / "sftkit")]

JQ_SHAREGPT = ('{conversations: [{from: "human", value: (if (.input // "") != "" then .instruction + "\\n" + .input '
               'else .instruction end)}, {from: "gpt", value: .output}]}')


def commands(job, src, dst):
    """(tool, argv) for every tool doing `job`, sftkit first."""
    if job == "sharegpt":
        return [
            ("sftkit", SFTKIT + ["-q", "convert", src, dst, "--to", "sharegpt", "--force"]),
            ("orjson", [PY, str(BENCH / "baselines.py"), "orjson", job, src, dst]),
            ("stdlib-json", [PY, str(BENCH / "baselines.py"), "stdlib-json", job, src, dst]),
            ("jq", ["sh", "-c", f"jq -c '{JQ_SHAREGPT}' '{src}' > '{dst}'"]),
            ("hf-datasets", [PY, str(BENCH / "baselines.py"), "hf-datasets", job, src, dst]),
            ("duckdb", [PY, str(BENCH / "baselines.py"), "duckdb", job, src, dst]),
        ]
    return [
        ("sftkit", SFTKIT + ["-q", "convert", src, dst, "--to", "alpaca", "--force"]),
        ("duckdb", [PY, str(BENCH / "baselines.py"), "duckdb", job, src, dst]),
        ("polars", [PY, str(BENCH / "baselines.py"), "polars", job, src, dst]),
        ("pyarrow", [PY, str(BENCH / "baselines.py"), "pyarrow", job, src, dst]),
    ]


class Failed(Exception):
    pass


def timed(argv):
    """Wall seconds and peak RSS (MB) of one run, through GNU time. The disk gets the data the
    previous runs left in the page cache first, so that no run pays for writing back another's
    output (hundreds of MB each)."""
    os.sync()
    result = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + argv, capture_output=True, text=True)
    if result.returncode != 0:
        raise Failed(f"{' '.join(argv)}\n{result.stderr[-2000:]}")
    wall, rss_kb = result.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss_kb) / 1024


def clean(path):
    p = pathlib.Path(path)
    for extra in (p, pathlib.Path(str(p) + ".cache")):
        if extra.is_dir():
            shutil.rmtree(extra)
        elif extra.exists():
            extra.unlink()


def rows_of(path):
    p = pathlib.Path(path)
    if p.suffix == ".parquet":
        import pyarrow.parquet as pq
        return pq.ParquetFile(p).metadata.num_rows
    with p.open("rb") as f:
        return sum(1 for line in f if line.strip())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", default="200000,1000000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip", default="")
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    sizes = [2000] if args.quick else [int(x) for x in args.rows.split(",")]
    runs = 1 if args.quick else args.runs
    skip = set(filter(None, args.skip.split(",")))
    WORK.mkdir(parents=True, exist_ok=True)

    results = []
    failures = []
    for n in sizes:
        src = WORK / f"alpaca-{n}.jsonl"
        if not src.exists():
            print(f"making {src.name} ...", file=sys.stderr)
            subprocess.run([PY, str(BENCH / "make_data.py"), str(n), str(src)], check=True)
        size_mb = src.stat().st_size / 1e6
        for job, ext in (("sharegpt", "jsonl"), ("parquet", "parquet")):
            for tool, argv in commands(job, str(src), str(WORK / f"out-{job}-{n}.{ext}")):
                if tool in skip:
                    continue
                dst = str(WORK / f"out-{job}-{n}.{ext}")
                argv = [a if a != dst else dst for a in argv]
                walls, rsss = [], []
                try:
                    for _ in range(runs):
                        clean(dst)
                        wall, rss = timed(argv)
                        walls.append(wall)
                        rsss.append(rss)
                    count = rows_of(dst)
                    if count != n:
                        raise Failed(f"{tool} {job}: wrote {count} rows, expected {n}")
                except Failed as e:
                    failures.append((n, job, tool))
                    print(f"  {n:>8} {job:<9} {tool:<12}  failed: {e}", file=sys.stderr)
                    clean(dst)
                    continue
                clean(dst)
                wall = statistics.median(walls)
                results.append({"rows": n, "mb": round(size_mb, 1), "job": job, "tool": tool,
                                "seconds": wall, "mb_per_s": size_mb / wall if wall else float("inf"),
                                "peak_rss_mb": max(rsss)})
                print(f"  {n:>8} {job:<9} {tool:<12} {wall:7.2f} s", file=sys.stderr)

    print()
    print(f"{'rows':>8}  {'job':<9} {'tool':<12} {'median s':>8} {'MB/s':>7} {'peak RSS MB':>11}  sftkit/tool (throughput)")
    for r in results:
        mine = next((x for x in results if x["rows"] == r["rows"] and x["job"] == r["job"] and x["tool"] == "sftkit"),
                    None)
        ratio = "" if r["tool"] == "sftkit" or mine is None else f"{mine['mb_per_s'] / r['mb_per_s']:.2f}x"
        print(f"{r['rows']:>8}  {r['job']:<9} {r['tool']:<12} {r['seconds']:8.2f} {r['mb_per_s']:7.1f} "
              f"{r['peak_rss_mb']:11.0f}  {ratio}")
    sft = {(r["rows"], r["job"]): r for r in results if r["tool"] == "sftkit"}
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        for job in ("sharegpt", "parquet"):
            if (small, job) in sft and (large, job) in sft:
                print(f"sftkit peak RSS {job}: {sft[(large, job)]['peak_rss_mb']:.0f} MB at {large} rows / "
                      f"{sft[(small, job)]['peak_rss_mb']:.0f} MB at {small} rows = "
                      f"{sft[(large, job)]['peak_rss_mb'] / sft[(small, job)]['peak_rss_mb']:.2f}x")
    for n, job, tool in failures:
        print(f"{n:>8}  {job:<9} {tool:<12}   failed")
    (WORK / "results.json").write_text(json.dumps(results, indent=2))
    print(f"bench: {len(results)} passed, {len(failures)} failed")
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    main()
