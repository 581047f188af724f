package io.sftkit.framework;

import static io.sftkit.framework.Samples.assistant;
import static io.sftkit.framework.Samples.preference;
import static io.sftkit.framework.Samples.sft;
import static io.sftkit.framework.Samples.system;
import static io.sftkit.framework.Samples.user;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.sftkit.core.Message;
import io.sftkit.core.Metadata;
import io.sftkit.core.Sample;
import io.sftkit.core.UsageException;
import io.sftkit.core.io.Json;
import io.sftkit.spi.Column;
import io.sftkit.spi.ColumnType;
import io.sftkit.spi.ExportLayout;
import io.sftkit.spi.FrameworkTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCardTest {

    private final FrameworkTarget hf = Samples.target("hf");

    @TempDir
    Path dir;

    private String write(ExportLayout layout) throws Exception {
        List<Path> written = hf.writeConfig(layout, dir, false);
        assertThat(written).containsExactly(dir.resolve("README.md").toAbsolutePath());
        return Files.readString(written.get(0), UTF_8);
    }

    private static JsonNode frontMatter(String card) throws Exception {
        assertThat(card).startsWith("---\n");
        int end = card.indexOf("\n---\n", 4);
        assertThat(end).isPositive();
        return new YAMLMapper().readTree(card.substring(4, end + 1));
    }

    private static Sample thai(Message... messages) {
        return Sample.of("t", List.of(messages), Metadata.builder().language("th").task("caption").build());
    }

    @Test
    void frontMatterMapsSplitsToFilesAndTagsTheShape() throws Exception {
        ExportLayout layout = ExportLayout.builder("brand-voice", "sharegpt", "parquet")
                .split("train", Path.of("data", "train-00000-of-00001.parquet"), 9_000)
                .split("val", Path.of("data", "val-00000-of-00001.parquet"), 1_000)
                .observe(thai(system("s"), user("q"), assistant("a")), Layouts.record("id", "conversations", "metadata"))
                .build();

        JsonNode front = frontMatter(write(layout));

        assertThat(front).isEqualTo(new YAMLMapper().readTree("""
                pretty_name: brand-voice
                configs:
                  - config_name: default
                    data_files:
                      - {split: train, path: data/train-00000-of-00001.parquet}
                      - {split: val, path: data/val-00000-of-00001.parquet}
                language: [th]
                task_categories: [text-generation]
                tags: [sft, sharegpt]
                size_categories: [10K<n<100K]
                """));
    }

    @Test
    void aRecordTypeIsDeclaredAsFeaturesInTheFormHfWritesThem() throws Exception {
        ExportLayout layout = ExportLayout.builder("mixed", "sharegpt", "jsonl")
                .split("train", Path.of("data", "train.jsonl"), 9)
                .split("val", Path.of("data", "val.jsonl"), 1)
                .observe(thai(user("q"), assistant("a")), Layouts.record("conversations", "history", "metadata"))
                .recordType(ColumnType.struct(
                        Column.optional("conversations", ColumnType.list(ColumnType.struct(
                                Column.optional("from", ColumnType.STRING),
                                Column.optional("weight", ColumnType.LONG)))),
                        Column.optional("history", ColumnType.list(ColumnType.list(ColumnType.STRING))),
                        Column.optional("metadata", ColumnType.struct(
                                Column.optional("score", ColumnType.DOUBLE),
                                Column.optional("ok", ColumnType.BOOLEAN))),
                        Column.optional("tags", ColumnType.list(ColumnType.STRING))))
                .build();

        assertThat(frontMatter(write(layout)).get("dataset_info")).isEqualTo(new YAMLMapper().readTree("""
                features:
                  - name: conversations
                    list:
                      - {name: from, dtype: string}
                      - {name: weight, dtype: int64}
                  - name: history
                    list: {list: string}
                  - name: metadata
                    struct:
                      - {name: score, dtype: float64}
                      - {name: ok, dtype: bool}
                  - {name: tags, list: string}
                """));
    }

    @Test
    void bodyDescribesColumnsAndRendersTheStatistics() throws Exception {
        ObjectNode stats = (ObjectNode) Json.MAPPER.readTree("""
                {"samples": 3, "by_task": {"caption": 2, "campaign_brief": 1},
                 "by_brand": {"ร้านกาแฟ": 3},
                 "output_chars": {"caption": {"p50": 80, "p90": 140}, "campaign_brief": {"p50": 900, "p90": 900}}}""");
        ExportLayout layout = ExportLayout.builder("cafe", "alpaca", "jsonl")
                .split("train", Path.of("train.jsonl"), 3)
                .observe(thai(user("q"), assistant("a")), Layouts.record("instruction", "input", "output", "custom"))
                .stats(stats)
                .build();

        String card = write(layout);

        assertThat(card).contains("# cafe\n")
                .contains("| train | `train.jsonl` | 3 |\n")
                .contains("| `instruction` | the task: what the user asks for |\n")
                .contains("| `custom` | carried over from the source data |\n")
                .contains("It carries per-sample metadata.")
                .contains("- **samples**: 3\n")
                .contains("### by_task\n\n| by_task | value |\n|---|---|\n| caption | 2 |\n| campaign_brief | 1 |\n")
                .contains("| ร้านกาแฟ | 3 |\n")
                .contains("### output_chars\n\n| output_chars | p50 | p90 |\n|---|---|---|\n| caption | 80 | 140 |\n"
                        + "| campaign_brief | 900 | 900 |\n");
        assertThat(frontMatter(card).get("size_categories").get(0).asText()).isEqualTo("n<1K");
    }

    @Test
    void preferenceDataIsTaggedAndDescribed() throws Exception {
        String card = write(Layouts.layout("chatml", "jsonl", preference(assistant("g"), assistant("b"), user("q")),
                "prompt", "chosen", "rejected"));

        assertThat(frontMatter(card).get("tags").toString()).isEqualTo("[\"sft\",\"chatml\",\"preference\"]");
        assertThat(frontMatter(card).has("language")).isFalse();
        assertThat(card).contains("It carries preference pairs (a chosen and a rejected reply per prompt).")
                .contains("| `chosen` | the preferred reply, as a list of {role, content} messages |")
                .doesNotContain("## Statistics");
    }

    @Test
    void sizeCategoriesFollowTheHubBuckets() throws Exception {
        for (long rows : new long[] {0, 999, 1_000, 99_999, 100_000, 2_000_000}) {
            ExportLayout layout = ExportLayout.builder("d", "chatml", "jsonl").split("train", Path.of("t.jsonl"), rows)
                    .column("messages").build();
            Files.deleteIfExists(dir.resolve("README.md"));
            assertThat(frontMatter(write(layout)).get("size_categories").get(0).asText()).isEqualTo(
                    rows < 1_000 ? "n<1K" : rows < 10_000 ? "1K<n<10K" : rows < 100_000 ? "10K<n<100K" : rows < 1_000_000
                            ? "100K<n<1M" : "1M<n<10M");
        }
    }

    @Test
    void refusesFilesTheDatasetsLibraryCannotLoadAndExistingCardsWithoutForce() throws Exception {
        assertThatThrownBy(() -> hf.checkExport("alpaca", "xml"))
                .isInstanceOf(UsageException.class)
                .hasMessage("HuggingFace datasets cannot load 'xml' files; export to a csv, json, jsonl, parquet file instead");
        ExportLayout layout = Layouts.layout("chatml", "jsonl", sft(user("q"), assistant("a")), "messages");
        Files.writeString(dir.resolve("README.md"), "mine", UTF_8);

        assertThatThrownBy(() -> hf.writeConfig(layout, dir, false))
                .isInstanceOf(UsageException.class).hasMessageEndingWith("already exists; use --force to overwrite it");
        assertThat(Files.readString(dir.resolve("README.md"), UTF_8)).isEqualTo("mine");
        hf.writeConfig(layout, dir, true);
        assertThat(Files.readString(dir.resolve("README.md"), UTF_8)).startsWith("---\n");
    }
}
