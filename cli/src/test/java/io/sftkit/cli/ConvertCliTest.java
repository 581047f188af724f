package io.sftkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code sftkit convert} through the command line, on the frameworks' own datasets. */
class ConvertCliTest {

    @TempDir
    Path dir;

    private CliRun convert(Path in, Path out, String... more) {
        return CliRun.of(concat(new String[] {"convert", in.toString(), out.toString()}, more));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama-factory/alpaca_en_demo.json", "llama-factory/alpaca_zh_demo.json",
        "llama-factory/identity.json", "llama-factory/dpo_en_demo.json", "fastchat/dummy_conversation.json",
        "llama-factory/kto_en_demo.json", "llama-factory/v1_sft_demo.jsonl"})
    void everySharedDatasetConvertsToEachShapeAndBackWithItsRecordCount(String name) {
        Path source = SharedInterop.file(name);
        List<ObjectNode> original = SharedInterop.records(source);
        for (String shape : List.of("alpaca", "sharegpt", "chatml")) {
            Path out = dir.resolve(shape + ".jsonl");
            CliRun run = convert(source, out, "--to", shape);
            assertThat(run.exitCode()).as(name + " -> " + shape + "\n" + run).isZero();
            assertThat(SharedInterop.records(out)).as(name + " -> " + shape).hasSameSizeAs(original);
        }
    }

    @Test
    void alpacaToSharegptToChatmlToAlpacaGivesBackTheSameRecords() {
        Path source = SharedInterop.file("llama-factory/alpaca_en_demo.json");
        assertThat(convert(source, dir.resolve("a.sharegpt.jsonl"), "--to", "sharegpt").exitCode()).isZero();
        assertThat(convert(dir.resolve("a.sharegpt.jsonl"), dir.resolve("a.chatml.jsonl"), "--to", "chatml").exitCode()).isZero();
        assertThat(convert(dir.resolve("a.chatml.jsonl"), dir.resolve("back.json"), "--to", "alpaca").exitCode()).isZero();
        assertThat(SharedInterop.records(dir.resolve("back.json"))).isEqualTo(SharedInterop.records(source));
    }

    @Test
    void sharegptRoundTripGivesBackEqualRecordsIncludingTools() {
        Path source = SharedInterop.file("llama-factory/glaive_toolcall_en_demo.json");
        assertThat(convert(source, dir.resolve("c.jsonl"), "--to", "chatml").exitCode()).isZero();
        CliRun back = convert(dir.resolve("c.jsonl"), dir.resolve("back.json"), "--to", "sharegpt");
        assertThat(back.exitCode()).as(back.toString()).isZero();
        assertThat(SharedInterop.records(dir.resolve("back.json"))).isEqualTo(SharedInterop.records(source));
    }

    @Test
    void aTargetThatCannotExpressASampleRefusesItWithTheReasonAndWritesNothing() {
        Path out = dir.resolve("tools.alpaca.jsonl");
        CliRun run = convert(SharedInterop.file("llama-factory/glaive_toolcall_en_demo.json"), out, "--to", "alpaca");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("sftkit: error: " + SharedInterop.file("llama-factory/glaive_toolcall_en_demo.json")
                        + ":2:3 (record 1): sample '")
                .contains("cannot be written as alpaca: alpaca has no place for tool definitions (tools); write sharegpt or chatml")
                .contains("--on-error skip");
        assertThat(out).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void unknownRoleNamesTheRoleTheRowAndTheOptionAndRoleMapFixesIt() throws IOException {
        Path in = dir.resolve("story.jsonl");
        Files.writeString(in, """
                {"conversations": [{"from": "human", "value": "Tell me"}, {"from": "gpt", "value": "Once"}]}
                {"conversations": [{"from": "human", "value": "สวัสดี"}, {"from": "narrator", "value": "ครับ ☕️"}]}
                """, StandardCharsets.UTF_8);
        CliRun failed = convert(in, dir.resolve("out.jsonl"), "--to", "chatml");
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.err()).isEqualTo("sftkit: error: " + in + ":2 (record 2): field 'conversations[1].from': "
                + "unknown role 'narrator' (fix: map it with --role-map narrator=assistant (or user, system, tool_call, tool))\n");
        CliRun fixed = convert(in, dir.resolve("out.jsonl"), "--to", "chatml", "--role-map", "narrator=assistant");
        assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
        assertThat(Files.readString(dir.resolve("out.jsonl"), StandardCharsets.UTF_8))
                .contains("{\"role\":\"assistant\",\"content\":\"ครับ ☕️\"}");
    }

    @Test
    void theParquetZstdLevelTradesTimeForSizeAndKeepsTheRecords() throws IOException {
        Path source = SharedInterop.file("llama-factory/alpaca_en_demo.json");
        Path fast = dir.resolve("fast.parquet");
        Path small = dir.resolve("small.parquet");
        assertThat(convert(source, fast, "--to", "alpaca").exitCode()).isZero();
        CliRun run = convert(source, small, "--to", "alpaca", "--compression-level", "19");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.size(small)).as("level 19 against the default 1").isLessThan(Files.size(fast));
        assertThat(convert(small, dir.resolve("back.json"), "--to", "alpaca").exitCode()).isZero();
        assertThat(SharedInterop.records(dir.resolve("back.json"))).isEqualTo(SharedInterop.records(source));

        CliRun bad = convert(source, dir.resolve("bad.parquet"), "--to", "alpaca", "--compression-level", "30");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("compression-level '30'").contains("1 (fastest) to 22 (smallest)");
        CliRun snappy = convert(source, dir.resolve("bad.parquet"), "--to", "alpaca", "--compression", "snappy",
                "--compression-level", "3");
        assertThat(snappy.exitCode()).isEqualTo(2);
        assertThat(snappy.err()).contains("does not apply to compression snappy");
        assertThat(dir.resolve("bad.parquet")).doesNotExist();
    }

    @Test
    void existingOutputIsKeptWithoutForce() throws IOException {
        Path out = dir.resolve("out.jsonl");
        Files.writeString(out, "keep");
        CliRun run = convert(SharedInterop.file("llama-factory/identity.json"), out, "--to", "chatml");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("already exists; use --force");
        assertThat(Files.readString(out)).isEqualTo("keep");
        assertThat(convert(SharedInterop.file("llama-factory/identity.json"), out, "--to", "chatml", "--force").exitCode())
                .isZero();
    }

    @Test
    void csvRoundTripRestoresTheRecords() {
        Path source = SharedInterop.file("llama-factory/identity.json");
        assertThat(convert(source, dir.resolve("review.csv"), "--to", "alpaca").exitCode()).isZero();
        assertThat(convert(dir.resolve("review.csv"), dir.resolve("back.json"), "--to", "alpaca").exitCode()).isZero();
        assertThat(SharedInterop.records(dir.resolve("back.json"))).isEqualTo(SharedInterop.records(source));
    }
}
