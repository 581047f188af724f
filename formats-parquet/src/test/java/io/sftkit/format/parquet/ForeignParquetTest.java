package io.sftkit.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sftkit.core.DataException;
import io.sftkit.core.Sample;
import io.sftkit.spi.Container;
import io.sftkit.spi.DecodeContext;
import io.sftkit.spi.FormatRegistry;
import io.sftkit.spi.InputFile;
import io.sftkit.spi.RecordReader;
import io.sftkit.spi.SourceRecord;
import io.sftkit.core.RoleNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files sftkit did not write: other list layouts, other column orders, columns no shape knows. */
class ForeignParquetTest {

    private final Container parquet = FormatRegistry.load(getClass().getClassLoader()).container("parquet");

    @TempDir
    Path dir;

    @Test
    void readsLegacyTwoLevelListsWithAnExtraColumnInAnotherOrder() throws IOException {
        Schema message = SchemaBuilder.record("msg").fields()
                .requiredString("content").requiredString("role").endRecord();
        Schema row = SchemaBuilder.record("row").fields()
                .name("source_url").type().nullable().stringType().noDefault()
                .name("messages").type().array().items(message).noDefault()
                .name("turns").type().longType().noDefault()
                .endRecord();
        Path file = dir.resolve("legacy.parquet");
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(row)
                .withConf(new PlainParquetConfiguration(Map.of("parquet.avro.write-old-list-structure", "true")))
                .build()) {
            GenericData.Record r = new GenericData.Record(row);
            r.put("source_url", "https://example.org/ไทย");
            r.put("messages", List.of(msg(message, "user", TestSamples.THAI), msg(message, "assistant", TestSamples.EMOJI)));
            r.put("turns", 2L);
            writer.write(r);
            GenericData.Record second = new GenericData.Record(row);
            second.put("messages", List.of(msg(message, "user", "")));
            second.put("turns", 3_000_000_000L);
            writer.write(second);
        }

        List<SourceRecord> records = ParquetRecords.read(parquet, file);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).fields()).isEqualTo(TestSamples.object("{\"source_url\": \"https://example.org/ไทย\","
                + " \"messages\": [{\"content\": \"" + TestSamples.THAI + "\", \"role\": \"user\"},"
                + " {\"content\": \"" + TestSamples.EMOJI + "\", \"role\": \"assistant\"}], \"turns\": 2}"));
        assertThat(records.get(1).fields().has("source_url")).as("a null column reads as an absent key").isFalse();
        assertThat(records.get(1).fields().get("turns").longValue()).isEqualTo(3_000_000_000L);

        Sample sample = new ChatTestShape().decode(records.get(0).fields(),
                new DecodeContext(records.get(0).location(), RoleNames.DEFAULT));
        assertThat(sample.messages()).extracting(m -> m.content()).containsExactly(TestSamples.THAI, TestSamples.EMOJI);
        assertThat(sample.metadata().extras()).containsOnlyKeys("source_url", "turns");
    }

    /** The layout pyarrow, DuckDB and HuggingFace datasets write: 3-level lists, nullable everything, no Avro schema. */
    @Test
    void readsThreeLevelListsWithoutAnAvroSchema() throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType("message schema {"
                + " optional group messages (LIST) { repeated group list { optional group element {"
                + "   optional binary role (STRING); optional binary content (STRING); } } }"
                + " optional group tags (LIST) { repeated group list { optional binary element (STRING); } }"
                + " optional int32 score;"
                + " optional double temperature;"
                + " optional boolean reviewed;"
                + " optional binary tools (STRING);"
                + "}");
        Path file = dir.resolve("pyarrow-like.parquet");
        SimpleGroupFactory rows = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(schema)
                .withConf(new PlainParquetConfiguration())
                .build()) {
            Group g = rows.newGroup();
            Group messages = g.addGroup("messages");
            Group first = messages.addGroup("list").addGroup("element");
            first.add("role", "user");
            first.add("content", TestSamples.SEPARATORS);
            Group second = messages.addGroup("list").addGroup("element");
            second.add("role", "assistant");
            second.add("content", "ตกลง");
            Group tags = g.addGroup("tags");
            tags.addGroup("list").add("element", "a");
            tags.addGroup("list");
            g.add("score", 7);
            g.add("temperature", 0.5);
            g.add("reviewed", true);
            g.add("tools", "[{\"name\": \"x\"}]");
            writer.write(g);
        }

        ObjectNode record = ParquetRecords.read(parquet, file).get(0).fields();
        assertThat(record).isEqualTo(TestSamples.object("{\"messages\": [{\"role\": \"user\", \"content\": \""
                + TestSamples.SEPARATORS.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
                + "\"}, {\"role\": \"assistant\", \"content\": \"ตกลง\"}],"
                + " \"tags\": [\"a\", null], \"score\": 7, \"temperature\": 0.5, \"reviewed\": true,"
                + " \"tools\": \"[{\\\"name\\\": \\\"x\\\"}]\"}"));
    }

    @Test
    void invalidJsonTextInAMarkedColumnNamesFileRowAndColumn() throws IOException {
        Schema text = Schema.create(Schema.Type.STRING);
        text.addProp("sftkit.json", "true");
        Schema row = SchemaBuilder.record("row").fields()
                .name("id").type().stringType().noDefault()
                .name("tools").type(text).noDefault()
                .endRecord();
        Path file = dir.resolve("bad-json.parquet");
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(row).withConf(new PlainParquetConfiguration()).build()) {
            for (String tools : List.of("[]", "{not json")) {
                GenericData.Record r = new GenericData.Record(row);
                r.put("id", "x");
                r.put("tools", tools);
                writer.write(r);
            }
        }
        try (RecordReader reader = parquet.open(InputFile.of(file))) {
            assertThat(reader.read().orElseThrow().fields().get("tools").isArray()).isTrue();
            assertThatThrownBy(reader::read)
                    .isInstanceOfSatisfying(DataException.class, e -> {
                        assertThat(e.location().source()).isEqualTo(file.toString());
                        assertThat(e.location().record()).isEqualTo(2);
                        assertThat(e.field()).isEqualTo("tools");
                    })
                    .hasMessageContaining("not JSON")
                    .hasMessageNotContaining("\n");
        }
    }

    private static GenericData.Record msg(Schema schema, String role, String content) {
        GenericData.Record m = new GenericData.Record(schema);
        m.put("role", role);
        m.put("content", content);
        return m;
    }
}
