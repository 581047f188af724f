package io.sftkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sftkit.core.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
