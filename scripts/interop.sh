#!/usr/bin/env bash
# Interop proof: writes datasets with ./sftkit (generate, convert, export) and loads them
# with the readers sftkit's users have — HF datasets, TRL, pyarrow, DuckDB, polars — from a
# Python venv; fails on any mismatch.
#
# Usage: scripts/interop.sh [OUTDIR]     (default: target/interop)
#   Also checks formats-parquet/target/interop-parquet when the test suite wrote it.
# The Python readers come from .venv, made by scripts/python-env.sh on first use.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/target/interop}"
interop="$root/../shared/interop"
sftkit="$root/sftkit"

python="$(bash "$root/scripts/python-env.sh")"
if [[ ! -d "$interop" ]]; then
    echo "interop: $interop is missing (shared/ must sit beside the repository)" >&2
    exit 2
fi

rm -rf "$out"
mkdir -p "$out/convert" "$out/parquet"
"$sftkit" -q generate --out "$out/generated"

# Every shared dataset to every shape, as JSON Lines and as Parquet. A target that cannot
# express a dataset (tool calls in alpaca, say) refuses it with exit 3; that is reported, and
# the Java interop tests assert which refusals are expected.
# chatml writes content given as typed parts (LLaMA-Factory v1) back as parts, which Parquet
# keeps as JSON in the message's extras, not as the string content TRL and chat templates
# read (docs/formats.md); such datasets go to chatml Parquet through sharegpt, which gives
# string content. formats-parquet's tests prove the direct conversion loses nothing.
parts_datasets=" v1_sft_demo.jsonl reason_tool_use_demo_50.jsonl "
refused=0
for file in "$interop"/llama-factory/*.json "$interop"/llama-factory/*.jsonl "$interop"/fastchat/*.json; do
    name="$(basename "$file")"
    [[ "$name" == dataset_info.json ]] && continue
    for shape in alpaca sharegpt chatml; do
        for target in "$out/convert/${name%%.*}.$shape.jsonl" "$out/parquet/convert/${name%%.*}.$shape.parquet"; do
            source="$file"
            if [[ "$shape" == chatml && "$target" == *.parquet && "$parts_datasets" == *" $name "* ]]; then
                source="$out/convert/${name%%.*}.sharegpt.jsonl"
            fi
            set +e
            msg="$("$sftkit" -q convert "$source" "$target" --to "$shape" 2>&1)"
            code=$?
            set -e
            if [[ $code -eq 3 ]]; then
                refused=$((refused + 1))
                echo "interop: refused as expected by the target: $name -> $(basename "$target"): ${msg:0:160}" >&2
            elif [[ $code -ne 0 ]]; then
                echo "interop: convert $name -> $(basename "$target") failed (exit $code): $msg" >&2
                exit 1
            fi
        done
    done
done

# Framework exports of the generated data.
g="$out/generated"
"$sftkit" -q export "$g" --to sharegpt --for llama-factory --out "$out/export/llama-factory-sharegpt"
"$sftkit" -q export "$g" --to alpaca --for llama-factory --out "$out/export/llama-factory-alpaca"
"$sftkit" -q export "$g" --part preference --to sharegpt --for llama-factory --out "$out/export/llama-factory-dpo"
"$sftkit" -q export "$g" --to chatml --for hf --out "$out/export/hf-chatml"
"$sftkit" -q export "$g" --to chatml --for axolotl --out "$out/export/axolotl-chatml"
# One file split as it streams (export --ratios): each framework loads all three splits.
demo="$interop/llama-factory/alpaca_en_demo.json"
"$sftkit" -q export "$demo" --ratios 0.8,0.1,0.1 --to sharegpt --for llama-factory --out "$out/export/llama-factory-ratios"
"$sftkit" -q export "$demo" --ratios 0.8,0.1,0.1 --to chatml --for hf --out "$out/export/hf-ratios"

# Parquet: each shape, and an HF export with shards.
for shape in alpaca sharegpt chatml canonical; do
    "$sftkit" -q convert "$g/train.jsonl" "$out/parquet/train.$shape.parquet" --to "$shape"
    "$sftkit" -q convert "$g/preference/train.jsonl" "$out/parquet/preference.$shape.parquet" --to "$shape"
done
"$sftkit" -q export "$g" --to chatml --for hf --container parquet --max-rows-per-file 10 --out "$out/parquet/hf-chatml"
"$sftkit" -q export "$demo" --ratios 0.8,0.1,0.1 --to chatml --for hf --container parquet --out "$out/parquet/hf-ratios"
# Splits and shards whose records differ in columns (one record has a system prompt): every
# Parquet file gets the columns any of them uses, so HF loads the folder as one dataset.
mkdir -p "$out/inputs"
"$python" -c 'import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
rows[0]["system"] = "Answer briefly."
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)' "$demo" "$out/inputs/one-with-system.jsonl"
"$sftkit" -q export "$out/inputs/one-with-system.jsonl" --ratios 0.8,0.1,0.1 --to alpaca --container parquet \
    --max-rows-per-file 200 --for hf --out "$out/parquet/hf-columns-differ"
# The same as JSON Lines, whose files keep their own keys: the dataset card declares the
# types of all splits (dataset_info.features), and HF fills in what a split lacks.
"$sftkit" -q export "$out/inputs/one-with-system.jsonl" --ratios 0.8,0.1,0.1 --to alpaca --for hf \
    --out "$out/export/hf-columns-differ"
"$sftkit" -q export "$interop/fastchat/dummy_conversation.json" --ratios 0.6,0.2,0.2 --to alpaca --for hf \
    --out "$out/export/hf-fields-differ"

echo "interop: $refused conversions refused by their target format" >&2
status=0
"$python" "$root/scripts/interop_json.py" "$out" || status=1
parquet_inputs=("$out/parquet")
[[ -d "$root/formats-parquet/target/interop-parquet" ]] && parquet_inputs+=("$root/formats-parquet/target/interop-parquet")
"$python" "$root/scripts/interop_parquet.py" "${parquet_inputs[@]}" || status=1
exit $status
