package io.sftkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sftkit.core.io.Json;
import io.sftkit.core.validate.OutputNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sftkit export} of a generate folder for each framework, checked with {@code validate}. */
class ExportCliTest {

    @TempDir
    Path dir;

    private Path generated;

    @BeforeEach
    void generate() {
        generated = dir.resolve("generated");
        CliRun run = CliRun.of("-q", "generate", "--out", generated.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void llamaFactorySharegptExportPassesItsAlternationRulesOnEveryRow() throws IOException {
        Path out = dir.resolve("lf");
        CliRun run = CliRun.of("export", generated.toString(), "--to", "sharegpt", "--for", "llama-factory", "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("train      31 rows").contains("dataset_info.json");
        JsonNode info = Json.MAPPER.readTree(out.resolve("dataset_info.json").toFile());
        assertThat(info.path("sftkit_train").path("file_name").asText()).isEqualTo("train.jsonl");
        assertThat(info.path("sftkit_train").path("formatting").asText()).isEqualTo("sharegpt");
        assertThat(info.path("sftkit_train").path("columns").path("messages").asText()).isEqualTo("conversations");
        for (String split : new String[] {"train", "val", "test"}) {
            CliRun check = CliRun.of("validate", out.resolve(split + ".jsonl").toString(), "--for", "llama-factory");
            assertThat(check.exitCode()).as(check.toString()).isZero();
            assertThat(check.out()).contains("0 failed");
        }
    }

    @Test
    void preferencePairsExportAsLlamaFactoryRankingData() throws IOException {
        Path out = dir.resolve("dpo");
        CliRun run = CliRun.of("export", generated.toString(), "--part", "preference", "--to", "sharegpt", "--for",
                "llama-factory", "--out", out.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode entry = Json.MAPPER.readTree(out.resolve("dataset_info.json").toFile()).path("sftkit_train");
        assertThat(entry.path("ranking").asBoolean()).isTrue();
        assertThat(entry.path("columns").path("chosen").asText()).isEqualTo("chosen");
        CliRun check = CliRun.of("validate", out.resolve("train.jsonl").toString(), "--for", "llama-factory");
        assertThat(check.exitCode()).as(check.toString()).isZero();
    }

    @Test
    void hfExportWritesACardWhoseConfigsNameEverySplit() throws IOException {
        Path out = dir.resolve("hf");
        CliRun run = CliRun.of("export", generated.toString(), "--to", "chatml", "--for", "hf", "--out", out.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        String card = Files.readString(out.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(card).startsWith("---\n").contains("configs:", "split: train", "path: data/train.jsonl",
                "split: val", "split: test");
        assertThat(out.resolve("data/train.jsonl")).isRegularFile();
        CliRun check = CliRun.of("validate", out.resolve("data/train.jsonl").toString(), "--for", "trl");
        assertThat(check.exitCode()).as(check.toString()).isZero();
    }

    @Test
    void axolotlExportWritesChatTemplateDatasets() throws IOException {
        Path out = dir.resolve("axolotl");
        CliRun run = CliRun.of("export", generated.toString(), "--to", "sharegpt", "--for", "axolotl", "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        String yaml = Files.readString(out.resolve("axolotl-datasets.yml"), StandardCharsets.UTF_8);
        assertThat(yaml).contains("datasets:", "type: chat_template", "field_messages: conversations",
                "message_property_mappings:").doesNotContain("type: sharegpt");
    }

    @Test
    void parquetShardsForTheHub() {
        Path out = dir.resolve("hf-parquet");
        CliRun run = CliRun.of("export", generated.toString(), "--to", "canonical", "--for", "hf", "--container", "parquet",
                "--max-rows-per-file", "10", "--compression-level", "3", "--out", out.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(out.resolve("data/train-00000-of-00004.parquet")).isRegularFile();
        assertThat(out.resolve("data/train-00003-of-00004.parquet")).isRegularFile();
        assertThat(out.resolve("data/val-00000-of-00001.parquet")).isRegularFile();
    }

    @Test
    void singleFileExportsAsTheTrainSplit() {
        Path out = dir.resolve("single");
        CliRun run = CliRun.of("export", SharedInterop.file("llama-factory/alpaca_zh_demo.json").toString(), "--to",
                "alpaca", "--for", "llama-factory", "--out", out.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(SharedInterop.records(out.resolve("train.jsonl")))
                .isEqualTo(SharedInterop.records(SharedInterop.file("llama-factory/alpaca_zh_demo.json")));
    }

    @Test
    void oneLargeFileIsSplitAsItStreamsWithoutAnOutputInTwoSplits() throws IOException {
        Path input = dir.resolve("big.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            String output = (i % 2 == 0 ? "Answer " : "answer ") + (i % 1000) + (i % 3 == 0 ? "!" : "");
            lines.append("{\"instruction\": \"question ").append(i).append("\", \"input\": \"\", \"output\": \"")
                    .append(output).append("\"}\n");
        }
        Files.writeString(input, lines, StandardCharsets.UTF_8);
        Path out = dir.resolve("split");

        CliRun run = CliRun.of("export", input.toString(), "--ratios", "0.8,0.1,0.1", "--to", "sharegpt", "--for",
                "llama-factory", "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Map<String, Set<String>> outputs = new HashMap<>();
        long total = 0;
        for (String split : List.of("train", "val", "test")) {
            List<String> rows = Files.readAllLines(out.resolve(split + ".jsonl"), StandardCharsets.UTF_8);
            assertThat(run.out()).contains(String.format("%-6s %6d rows", split, rows.size()));
            total += rows.size();
            Set<String> keys = new HashSet<>();
            for (String row : rows) {
                keys.add(OutputNormalizer.duplicateKey(
                        Json.MAPPER.readTree(row).path("conversations").path(1).path("value").asText()));
            }
            outputs.put(split, keys);
        }
        assertThat(total).isEqualTo(3000);
        assertThat(outputs.get("train")).doesNotContainAnyElementsOf(outputs.get("val"))
                .doesNotContainAnyElementsOf(outputs.get("test"));
        assertThat(outputs.get("val")).doesNotContainAnyElementsOf(outputs.get("test"));
        assertThat(outputs.get("train").size()).isBetween(700, 900);
        assertThat(Json.MAPPER.readTree(out.resolve("dataset_info.json").toFile()).properties())
                .extracting(Map.Entry::getKey).contains("sftkit_train", "sftkit_val", "sftkit_test");

        Path again = dir.resolve("again");
        assertThat(CliRun.of("-q", "export", input.toString(), "--ratios", "0.8,0.1,0.1", "--to", "sharegpt", "--out",
                again.toString()).exitCode()).isZero();
        assertThat(Files.readString(again.resolve("val.jsonl"))).isEqualTo(Files.readString(out.resolve("val.jsonl")));
        Path reseeded = dir.resolve("reseeded");
        assertThat(CliRun.of("-q", "export", input.toString(), "--ratios", "0.8,0.1,0.1", "--seed", "7", "--to",
                "sharegpt", "--out", reseeded.toString()).exitCode()).isZero();
        assertThat(Files.readString(reseeded.resolve("val.jsonl"))).isNotEqualTo(Files.readString(out.resolve("val.jsonl")));
    }

    @Test
    void aSplitOfRatioZeroIsNotWrittenAndAFolderIsNotSplitAgain() throws IOException {
        Path input = dir.resolve("small.jsonl");
        Files.writeString(input, "{\"instruction\": \"q\", \"output\": \"a\"}\n{\"instruction\": \"r\", \"output\": \"b\"}\n");
        Path out = dir.resolve("two");
        CliRun run = CliRun.of("export", input.toString(), "--ratios", "0.5,0.5,0", "--to", "alpaca", "--out", out.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(out.resolve("test.jsonl")).doesNotExist();
        assertThat(Files.readAllLines(out.resolve("train.jsonl")).size() + Files.readAllLines(out.resolve("val.jsonl")).size())
                .isEqualTo(2);

        CliRun folder = CliRun.of("export", generated.toString(), "--ratios", "0.8,0.1,0.1", "--to", "alpaca", "--out",
                dir.resolve("no").toString());
        assertThat(folder.exitCode()).isEqualTo(2);
        assertThat(folder.err()).contains("--ratios splits one dataset file;", "leave out --ratios, or give one file")
                .doesNotContain("Exception");
        assertThat(dir.resolve("no")).doesNotExist();
    }

    @Test
    void jsonSplitsWhoseColumnsDifferGetTheTypesOfAllDeclaredInTheDatasetCard() throws IOException {
        Path input = mixed(i -> i == 7 ? "\"system\": \"be brief\", " : "");

        CliRun hf = CliRun.of("export", input.toString(), "--ratios", "0.4,0.3,0.3", "--to", "alpaca", "--for", "hf",
                "--out", dir.resolve("hf").toString());

        assertThat(hf.exitCode()).as(hf.toString()).isZero();
        assertThat(hf.err()).doesNotContain("warning");
        assertThat(Files.readString(dir.resolve("hf/README.md"))).contains("""
                dataset_info:
                  features:
                    - name: instruction
                      dtype: string
                    - name: output
                      dtype: string
                    - name: system
                      dtype: string
                """);

        Path same = dir.resolve("same");
        assertThat(CliRun.of("-q", "export", mixed(i -> "").toString(), "--ratios", "0.4,0.3,0.3", "--to", "alpaca",
                "--for", "hf", "--out", same.toString()).exitCode()).isZero();
        assertThat(Files.readString(same.resolve("README.md"))).as("splits that agree need no features")
                .doesNotContain("dataset_info");
    }

    @Test
    void splitsWhoseValuesShareNoTypeAreWarnedOfWhereTheFrameworkLoadsThemAsOneDataset() throws IOException {
        Path input = mixed(i -> (i == 7 ? "\"system\": \"be brief\", " : "")
                + (i % 2 == 0 ? "\"score\": 1, " : "\"score\": \"high\", "));
        Path summary = dir.resolve("summary.json");

        CliRun hf = CliRun.of("export", input.toString(), "--ratios", "0.4,0.3,0.3", "--to", "alpaca", "--for", "hf",
                "--out", dir.resolve("hf").toString(), "--summary-json", summary.toString());

        assertThat(hf.exitCode()).as(hf.toString()).isZero();
        assertThat(hf.err()).containsPattern("sftkit: warning: split '(train|val|test)' has no column system, which split"
                + " '(train|val|test)' has: hf loads the splits as one dataset and refuses splits whose columns differ");
        assertThat(hf.err().lines().filter(l -> l.startsWith("sftkit: warning:")).count()).isEqualTo(2);
        assertThat(Json.MAPPER.readTree(summary.toFile()).path("warnings")).hasSize(2);
        assertThat(Files.readString(dir.resolve("hf/README.md"))).doesNotContain("dataset_info");

        CliRun lf = CliRun.of("export", input.toString(), "--ratios", "0.4,0.3,0.3", "--to", "alpaca", "--for",
                "llama-factory", "--out", dir.resolve("lf").toString());
        assertThat(lf.exitCode()).as(lf.toString()).isZero();
        assertThat(lf.err()).doesNotContain("warning");
    }

    @Test
    void aBadRecordAtTheEndLeavesNoFileAndNoFolderOfTheRunBehind() throws IOException {
        Path input = mixed(i -> "");
        Files.writeString(input, "{\"instruction\": \"broken\"\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path out = dir.resolve("made").resolve("by-this-run");

        CliRun failed = CliRun.of("export", input.toString(), "--ratios", "0.5,0.3,0.2", "--to", "alpaca", "--container",
                "parquet", "--max-rows-per-file", "50", "--for", "hf", "--out", out.toString());

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
        assertThat(failed.err()).contains(":301:").doesNotContain("Exception");
        assertThat(dir.resolve("made")).as("folders the run made for its files").doesNotExist();
    }

    /** 300 alpaca records; record i has the fields {@code extra.apply(i)} adds. */
    private Path mixed(IntFunction<String> extra) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            lines.append("{\"instruction\": \"q").append(i).append("\", ").append(extra.apply(i))
                    .append("\"output\": \"answer ").append(i).append("\"}\n");
        }
        Path input = Files.createTempFile(dir, "mixed", ".jsonl");
        Files.writeString(input, lines, StandardCharsets.UTF_8);
        return input;
    }

    @Test
    void parquetSplitsAndShardsAllGetTheColumnsAnyOfThemUses() throws IOException {
        Path input = mixed(i -> i == 7 ? "\"system\": \"be brief\", " : "");
        Path out = dir.resolve("hf");

        CliRun hf = CliRun.of("export", input.toString(), "--ratios", "0.4,0.3,0.3", "--to", "alpaca", "--container",
                "parquet", "--max-rows-per-file", "50", "--for", "hf", "--out", out.toString());

        assertThat(hf.exitCode()).as(hf.toString()).isZero();
        assertThat(hf.err()).doesNotContain("warning");
        List<Path> files;
        try (Stream<Path> listed = Files.list(out.resolve("data"))) {
            files = listed.sorted().toList();
        }
        assertThat(files).as("three splits, sharded").hasSizeGreaterThan(3);
        for (Path file : files) {
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
                assertThat(reader.getFooter().getFileMetaData().getSchema().getFields()).extracting(Type::getName)
                        .as(file.getFileName().toString()).containsExactly("instruction", "output", "system");
            }
        }
    }
}
