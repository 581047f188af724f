package io.sftkit.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sftkit.core.Location;
import io.sftkit.core.RoleNames;
import io.sftkit.core.Sample;
import io.sftkit.core.io.DatasetWriter;
import io.sftkit.core.io.Json;
import io.sftkit.core.io.ShardedDatasetWriter;
import io.sftkit.spi.Container;
import io.sftkit.spi.DecodeContext;
import io.sftkit.spi.FileSet;
import io.sftkit.spi.FormatRegistry;
import io.sftkit.spi.RecordWriter;
import io.sftkit.spi.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writes {@code target/interop-parquet/}: one file per shape (canonical, a chatml-like test
 * shape, alpaca, sharegpt, chatml in the OpenAI and TRL forms) plus shards, and an
 * {@code expectations.json} with row counts and Arrow column types, which must also be the
 * types the file's own footer gives.
 * {@code scripts/interop.sh} reads them with pyarrow, DuckDB, polars and HuggingFace datasets.
 * Each file is also read back here and must equal what was written.
 */
class InteropFilesTest {

    static final Path OUT = Path.of("target", "interop-parquet");

    private static final String METADATA_TYPE = "struct<brand: string, context: string, extras: string,"
            + " generated_at: string, language: string, platform: string, quality: string, source: string,"
            + " task: string>";

    private final FormatRegistry registry = FormatRegistry.load(getClass().getClassLoader());
    private final Container parquet = registry.container("parquet");

    @BeforeAll
    static void cleanOutput() throws IOException {
        if (Files.isDirectory(OUT)) {
            try (Stream<Path> files = Files.walk(OUT)) {
                files.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(OUT)).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(OUT);
    }

    @Test
    void writeInteropFiles() throws IOException {
        ObjectNode expectations = Json.object();

        Path canonical = OUT.resolve("canonical.parquet");
        writeSamples(canonical, registry.shape("canonical"), TestSamples.all());
        expect(expectations, canonical, TestSamples.all().size())
                .put("messages", "list<struct<content: string, extras: string, role: string>>")
                .put("tools", "string")
                .put("metadata", METADATA_TYPE);

        Path chat = OUT.resolve("chat.parquet");
        writeSamples(chat, new ChatTestShape(), TestSamples.all());
        expect(expectations, chat, TestSamples.all().size())
                .put("messages", "list<struct<content: string, role: string>>")
                .put("metadata", METADATA_TYPE);

        List<ObjectNode> alpaca = List.of(
                TestSamples.object("{\"instruction\": \"เขียนแคปชัน\", \"input\": \"" + TestSamples.THAI + "\","
                        + " \"output\": \"" + TestSamples.EMOJI + "\", \"system\": \"คุณคือผู้ช่วย\","
                        + " \"history\": [[\"hi\", \"hello\"], [\"สวัสดี\", \"ครับ\"]],"
                        + " \"metadata\": {\"brand\": \"ร้านกาแฟ\", \"quality\": \"good\", \"extras\": \"{\\\"x\\\": [1, \\\"a\\\"]}\"}}"),
                TestSamples.object("{\"instruction\": \"Pick\", \"input\": \"\", \"chosen\": \"a\", \"rejected\": \"b\","
                        + " \"history\": [], \"metadata\": {}}"),
                TestSamples.object("{\"id\": \"a3\", \"instruction\": \"line\\u2028sep\\r\\nCRLF\", \"output\": \"\","
                        + " \"system\": null, \"label\": true, \"category\": [\"x\", 1]}"));
        Path alpacaFile = OUT.resolve("alpaca.parquet");
        writeRecords(alpacaFile, "alpaca", alpaca);
        expect(expectations, alpacaFile, alpaca.size())
                .put("instruction", "string")
                .put("history", "list<list<string>>")
                .put("metadata", "struct<brand: string, extras: string, quality: string>")
                .put("label", "bool")
                .put("extras", "string");

        List<ObjectNode> sharegpt = List.of(
                TestSamples.object("{\"id\": \"s1\", \"conversations\": [{\"from\": \"human\", \"value\": \""
                        + TestSamples.THAI + "\"}, {\"from\": \"function_call\", \"value\": \"{\\\"name\\\": \\\"w\\\","
                        + " \\\"arguments\\\": {\\\"city\\\": \\\"กรุงเทพ\\\"}}\"}, {\"from\": \"observation\", \"value\": \"33\"},"
                        + " {\"from\": \"gpt\", \"value\": \"" + TestSamples.EMOJI + "\", \"loss_weight\": 1.0}], \"system\": \"sys\","
                        + " \"tools\": \"[{\\\"name\\\": \\\"w\\\", \\\"parameters\\\": {}}]\","
                        + " \"metadata\": {\"source\": \"x.json\"}}"),
                TestSamples.object("{\"conversations\": [{\"from\": \"human\", \"value\": \"q\"}],"
                        + " \"chosen\": {\"from\": \"gpt\", \"value\": \"good\"}, \"rejected\": {\"from\": \"gpt\", \"value\": \"\"}}"),
                TestSamples.object("{\"conversations\": [{\"from\": \"human\", \"value\": \"q\"}, {\"from\": \"gpt\","
                        + " \"value\": \"a\"}], \"tools\": [{\"name\": \"w\"}]}"));
        Path sharegptFile = OUT.resolve("sharegpt.parquet");
        writeRecords(sharegptFile, "sharegpt", sharegpt);
        expect(expectations, sharegptFile, sharegpt.size())
                .put("conversations", "list<struct<from: string, loss_weight: double, value: string>>")
                .put("chosen", "struct<from: string, value: string>")
                .put("tools", "string")
                .put("metadata", "struct<source: string>")
                .put("extras", "string");

        List<ObjectNode> chatml = List.of(
                TestSamples.object("{\"messages\": [{\"role\": \"system\", \"content\": \"s\"},"
                        + " {\"role\": \"user\", \"content\": \"" + TestSamples.SEPARATORS.replace("\r", "\\r")
                                .replace("\n", "\\n").replace("\t", "\\t") + "\"},"
                        + " {\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"id\": \"c1\", \"type\": \"function\","
                        + " \"function\": {\"name\": \"w\", \"arguments\": \"{\\\"city\\\": \\\"กรุงเทพ\\\", \\\"days\\\": 3}\"}}]},"
                        + " {\"role\": \"tool\", \"tool_call_id\": \"c1\", \"content\": \"33\"},"
                        + " {\"role\": \"assistant\", \"content\": \"" + TestSamples.EMOJI + "\", \"weight\": 1}],"
                        + " \"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"w\", \"parameters\":"
                        + " {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}, \"days\": {\"type\": \"integer\"}}}}}],"
                        + " \"metadata\": {\"task\": \"tools\"}, \"label\": false}"),
                TestSamples.object("{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"value\": \"hi\"}],"
                        + " \"loss_weight\": 0.0}, {\"role\": \"assistant\", \"content\": [{\"type\": \"reasoning\", \"value\": \"r\"},"
                        + " {\"type\": \"text\", \"value\": \"ก\"}], \"loss_weight\": 1.0}]}"));
        Path chatmlFile = OUT.resolve("chatml.parquet");
        writeRecords(chatmlFile, "chatml", chatml);
        expect(expectations, chatmlFile, chatml.size())
                .put("messages", "list<struct<content: string, extras: string, loss_weight: double, role: string,"
                        + " tool_call_id: string, tool_calls: list<struct<function: struct<arguments: string, name: string>,"
                        + " id: string, type: string>>, weight: int64>>")
                .put("tools", "string")
                .put("label", "bool");

        List<ObjectNode> trl = List.of(
                TestSamples.object("{\"prompt\": [{\"role\": \"user\", \"content\": \"ถาม\"}],"
                        + " \"chosen\": [{\"role\": \"assistant\", \"content\": \"ก\"}],"
                        + " \"rejected\": [{\"role\": \"assistant\", \"content\": \"\"}]}"),
                TestSamples.object("{\"id\": \"t2\", \"prompt\": [{\"role\": \"user\", \"content\": \"pick\"}],"
                        + " \"chosen\": [{\"role\": \"assistant\", \"content\": \"" + TestSamples.EMOJI + "\"}],"
                        + " \"rejected\": [{\"role\": \"assistant\", \"content\": \"no\"}]}"));
        Path trlFile = OUT.resolve("trl-preference.parquet");
        writeRecords(trlFile, "chatml", trl);
        expect(expectations, trlFile, trl.size())
                .put("prompt", "list<struct<content: string, role: string>>")
                .put("chosen", "list<struct<content: string, role: string>>")
                .put("rejected", "list<struct<content: string, role: string>>");

        Path sharded = OUT.resolve("sharded");
        List<Sample> many = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            many.addAll(TestSamples.all());
        }
        ChatTestShape shardShape = new ChatTestShape();
        FileSet shardSet = parquet.fileSet(shardShape);
        try (ShardedDatasetWriter writer = ShardedDatasetWriter.create(sharded, "train", "parquet", shardShape, shardSet,
                8, false)) {
            many.forEach(writer::write);
            writer.finish();
            shardSet.finish();
            List<Path> shards = writer.commit();
            assertThat(shards).extracting(p -> p.getFileName().toString()).containsExactly(
                    "train-00000-of-00003.parquet", "train-00001-of-00003.parquet", "train-00002-of-00003.parquet");
            long rows = 0;
            for (Path shard : shards) {
                long n = ParquetRecords.fields(parquet, shard).size();
                expect(expectations, shard, n).put("messages", "list<struct<content: string, role: string>>");
                rows += n;
            }
            assertThat(rows).isEqualTo(many.size());
        }

        checkTypes(expectations);
        Files.writeString(OUT.resolve("expectations.json"),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(expectations));
        try (Stream<Path> files = Files.walk(OUT)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".crc") || n.endsWith(".sftkit-tmp"));
        }
    }

    private ObjectNode expect(ObjectNode expectations, Path file, long rows) {
        ObjectNode e = expectations.putObject(OUT.toAbsolutePath().relativize(file.toAbsolutePath()).toString().replace('\\', '/'));
        e.put("rows", rows);
        return e.putObject("columns");
    }

    /** The Arrow types expected of each file are the ones its footer gives. */
    private static void checkTypes(ObjectNode expectations) {
        expectations.properties().forEach(e -> {
            Map<String, String> actual = ArrowTypes.of(OUT.resolve(e.getKey()));
            e.getValue().get("columns").properties().forEach(c -> assertThat(actual.get(c.getKey()))
                    .as("%s: %s", e.getKey(), c.getKey()).isEqualTo(c.getValue().textValue()));
        });
    }

    private void writeSamples(Path file, Shape shape, List<Sample> samples) throws IOException {
        try (DatasetWriter writer = DatasetWriter.create(file, shape, parquet, true)) {
            samples.forEach(writer::write);
            writer.commit();
        }
        List<ObjectNode> expected = samples.stream().map(shape::encode).toList();
        assertThat(ParquetRecords.fields(parquet, file)).isEqualTo(expected);
    }

    /** Writes records as {@code shapeId} writes them back after reading them (which must give the same records). */
    private void writeRecords(Path file, String shapeId, List<ObjectNode> records) throws IOException {
        Shape shape = registry.shape(shapeId);
        DecodeContext ctx = new DecodeContext(Location.of(file.toString()), RoleNames.DEFAULT);
        try (RecordWriter writer = parquet.create(file, shape)) {
            for (ObjectNode r : records) {
                ObjectNode written = shape.encode(shape.decode(r.deepCopy(), ctx));
                assertThat(written).as("%s writes back what it read", shapeId).isEqualTo(r);
                writer.write(written);
            }
        }
        assertThat(ParquetRecords.fields(parquet, file)).isEqualTo(records);
    }
}
