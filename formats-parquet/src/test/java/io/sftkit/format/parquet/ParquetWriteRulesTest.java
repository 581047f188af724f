package io.sftkit.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sftkit.core.Sample;
import io.sftkit.core.UsageException;
import io.sftkit.core.io.Json;
import io.sftkit.spi.Column;
import io.sftkit.spi.ColumnType;
import io.sftkit.spi.Container;
import io.sftkit.spi.DecodeContext;
import io.sftkit.spi.FileSet;
import io.sftkit.spi.FormatRegistry;
import io.sftkit.spi.InputFile;
import io.sftkit.spi.RecordReader;
import io.sftkit.spi.RecordSchema;
import io.sftkit.spi.RecordWriter;
import io.sftkit.spi.SampleRefusedException;
import io.sftkit.spi.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the container refuses when writing, and the options it takes. */
class ParquetWriteRulesTest {

    private final Container parquet = FormatRegistry.load(getClass().getClassLoader()).container("parquet");

    @TempDir
    Path dir;

    @Test
    void aShapeWithoutColumnsIsRefusedByName() {
        Shape noSchema = new SchemaOnlyShape("free-form", Optional.empty());
        assertThatThrownBy(() -> parquet.create(dir.resolve("x.parquet"), noSchema))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("free-form")
                .hasMessageContaining("cannot be written as Parquet");
    }

    @Test
    void aValueOfTheWrongTypeRefusesThatRecordOnlyAndNamesTheField() throws IOException {
        Shape shape = new SchemaOnlyShape("typed", Optional.of(RecordSchema.of(
                Column.required("id", ColumnType.STRING),
                Column.required("turns", ColumnType.list(ColumnType.struct(
                        Column.required("text", ColumnType.STRING),
                        Column.optional("weight", ColumnType.LONG),
                        Column.optional("score", ColumnType.DOUBLE),
                        Column.optional("ok", ColumnType.BOOLEAN)))))));
        Path file = dir.resolve("typed.parquet");
        try (RecordWriter writer = parquet.create(file, shape)) {
            writer.write(TestSamples.object("{\"id\": \"a\", \"turns\": [{\"text\": \"x\", \"weight\": 1, \"score\": 0.25,"
                    + " \"ok\": true}]}"));
            assertThatThrownBy(() -> writer.write(TestSamples.object(
                    "{\"id\": \"b\", \"turns\": [{\"text\": \"x\"}, {\"text\": \"y\", \"weight\": 0.5}]}")))
                    .isInstanceOf(SampleRefusedException.class)
                    .hasMessage("sample 'b' cannot be written as typed in Parquet: field 'turns[1].weight':"
                            + " expected a 64-bit integer, found the number 0.5");
            assertThatThrownBy(() -> writer.write(TestSamples.object("{\"turns\": []}")))
                    .isInstanceOf(SampleRefusedException.class)
                    .hasMessageContaining("sample 'row 2'")
                    .hasMessageContaining("field 'id': missing, and the column is required");
            assertThatThrownBy(() -> writer.write(TestSamples.object("{\"id\": \"c\", \"turns\": [], \"note\": 1}")))
                    .isInstanceOf(SampleRefusedException.class)
                    .hasMessageContaining("field 'note': no column for this key");
            assertThatThrownBy(() -> writer.write(TestSamples.object("{\"id\": \"d\", \"turns\": [null]}")))
                    .isInstanceOf(SampleRefusedException.class)
                    .hasMessageContaining("field 'turns[0]': null in a list");
            writer.write(TestSamples.object("{\"id\": \"e\", \"turns\": [{\"text\": \"z\", \"weight\": null}]}"));
        }
        try (RecordReader reader = parquet.open(InputFile.of(file))) {
            assertThat(reader.read().orElseThrow().fields()).isEqualTo(TestSamples.object(
                    "{\"id\": \"a\", \"turns\": [{\"text\": \"x\", \"weight\": 1, \"score\": 0.25, \"ok\": true}]}"));
            assertThat(reader.read().orElseThrow().fields())
                    .as("a JSON null in an optional column reads back as an absent key")
                    .isEqualTo(TestSamples.object("{\"id\": \"e\", \"turns\": [{\"text\": \"z\"}]}"));
            assertThat(reader.read()).isEmpty();
        }
    }

    @Test
    void aStructWithExtrasKeepsValuesItsFieldsCannotHoldAndNullsThere() throws IOException {
        ColumnType.Struct turn = ColumnType.structWithExtras("extras",
                Column.required("text", ColumnType.STRING),
                Column.optional("weight", ColumnType.LONG),
                Column.optional("score", ColumnType.DOUBLE));
        Shape shape = new SchemaOnlyShape("open", Optional.of(new RecordSchema(ColumnType.structWithExtras("extras",
                Column.optional("id", ColumnType.STRING),
                Column.optional("turns", ColumnType.list(turn)),
                Column.optional("ok", ColumnType.BOOLEAN)))));
        List<ObjectNode> records = List.of(
                TestSamples.object("{\"id\": \"a\", \"turns\": [{\"text\": \"x\", \"weight\": 1, \"score\": 0.25}], \"ok\": true}"),
                TestSamples.object("{\"id\": null, \"turns\": [{\"text\": \"y\", \"weight\": 0.5, \"score\": 1},"
                        + " {\"text\": \"z\", \"weight\": null, \"score\": 1.50}, {\"text\": \"\", \"score\": 1e2,"
                        + " \"weight\": 3000000000}], \"ok\": \"yes\", \"note\": [1, null]}"),
                TestSamples.object("{\"id\": 7, \"turns\": \"none\", \"extras\": {\"k\": \"named like the extras field\"}}"));
        Path file = dir.resolve("open.parquet");
        try (RecordWriter writer = parquet.create(file, shape)) {
            for (ObjectNode r : records) {
                writer.write(r);
            }
        }
        assertThat(ParquetRecords.fields(parquet, file)).extracting(TestSamples::sortedJson)
                .as("every value back as written: null apart from absent, 1.50 not 1.5, 1 not 1.0")
                .containsExactlyElementsOf(records.stream().map(TestSamples::sortedJson).toList());
        assertThat(ArrowTypes.of(file)).containsExactly(
                Map.entry("id", "string"),
                Map.entry("turns", "list<struct<extras: string, score: double, text: string, weight: int64>>"),
                Map.entry("ok", "bool"),
                Map.entry("extras", "string"));
    }

    @Test
    void aNumberAColumnWouldChangeIsRefusedWhereNoExtrasCanKeepIt() throws IOException {
        Shape shape = new SchemaOnlyShape("strict", Optional.of(RecordSchema.of(
                Column.optional("score", ColumnType.DOUBLE),
                Column.optional("count", ColumnType.LONG))));
        try (RecordWriter writer = parquet.create(dir.resolve("strict.parquet"), shape)) {
            writer.write(TestSamples.object("{\"score\": 0.1, \"count\": 3000000000}"));
            assertThatThrownBy(() -> writer.write(TestSamples.object("{\"score\": 1}")))
                    .isInstanceOf(SampleRefusedException.class)
                    .hasMessageContaining("field 'score': the number 1 would not read back as written from a 64-bit float");
            assertThatThrownBy(() -> writer.write(TestSamples.object("{\"score\": 1.50}")))
                    .isInstanceOf(SampleRefusedException.class).hasMessageContaining("the number 1.50");
        }
        assertThat(ParquetRecords.fields(parquet, dir.resolve("strict.parquet"))).extracting(TestSamples::sortedJson)
                .containsExactly("{\"count\":3000000000,\"score\":0.1}");
    }

    @Test
    void aFileHasOnlyTheColumnsAndFieldsItsRecordsUse() throws IOException {
        Shape shape = new SchemaOnlyShape("wide", Optional.of(RecordSchema.of(
                Column.optional("a", ColumnType.STRING),
                Column.optional("b", ColumnType.STRING),
                Column.optional("unused", ColumnType.LONG),
                Column.optional("s", ColumnType.structWithExtras("extras",
                        Column.optional("x", ColumnType.STRING),
                        Column.optional("y", ColumnType.STRING))),
                Column.optional("empty", ColumnType.struct(
                        Column.optional("p", ColumnType.STRING),
                        Column.optional("q", ColumnType.STRING))),
                Column.required("r", ColumnType.BOOLEAN))));
        Path file = dir.resolve("wide.parquet");
        try (RecordWriter writer = parquet.create(file, shape)) {
            writer.write(TestSamples.object("{\"a\": \"1\", \"s\": {\"x\": \"x\"}, \"empty\": {}, \"r\": true}"));
            writer.write(TestSamples.object("{\"s\": {}, \"r\": false}"));
            assertThatThrownBy(() -> writer.write(TestSamples.object("{\"b\": \"2\", \"s\": {\"y\": \"y\"}}")))
                    .as("a refused record uses no column").isInstanceOf(SampleRefusedException.class);
        }
        assertThat(ArrowTypes.of(file)).as("a struct no record filled keeps its first field: Parquet has no empty groups")
                .containsExactly(
                        Map.entry("a", "string"),
                        Map.entry("s", "struct<x: string>"),
                        Map.entry("empty", "struct<p: string>"),
                        Map.entry("r", "bool"));
        assertThat(ParquetRecords.fields(parquet, file)).containsExactly(
                TestSamples.object("{\"a\": \"1\", \"s\": {\"x\": \"x\"}, \"empty\": {}, \"r\": true}"),
                TestSamples.object("{\"s\": {}, \"r\": false}"));

        Path none = dir.resolve("none.parquet");
        parquet.create(none, shape).close();
        assertThat(ArrowTypes.of(none)).as("an empty file: the required columns").containsOnlyKeys("r");
    }

    @Test
    void theFilesOfASetGetTheColumnsAndFieldsAnyOfThemUses() throws IOException {
        Shape shape = new SchemaOnlyShape("set", Optional.of(RecordSchema.of(
                Column.required("q", ColumnType.STRING),
                Column.optional("system", ColumnType.STRING),
                Column.optional("unused", ColumnType.LONG),
                Column.optional("messages", ColumnType.list(ColumnType.struct(
                        Column.optional("role", ColumnType.STRING),
                        Column.optional("tool_calls", ColumnType.list(ColumnType.STRING)),
                        Column.optional("content", ColumnType.STRING)))))));
        FileSet files = parquet.fileSet(shape);
        Path train = dir.resolve("train.parquet");
        Path val = dir.resolve("val.parquet");
        Path test = dir.resolve("test.parquet");
        try (RecordWriter trainWriter = files.create(train); RecordWriter valWriter = files.create(val);
                RecordWriter testWriter = files.create(test)) {
            trainWriter.write(TestSamples.object("{\"q\": \"1\", \"system\": \"be brief\"}"));
            valWriter.write(TestSamples.object("{\"q\": \"2\", \"messages\": [{\"content\": \"hi\"}]}"));
            testWriter.write(TestSamples.object("{\"q\": \"3\"}"));
            assertThatThrownBy(() -> testWriter.write(TestSamples.object("{\"unused\": 1}")))
                    .as("a refused record uses no column").isInstanceOf(SampleRefusedException.class);
        }
        files.finish();

        assertThat(files.sameColumns()).isTrue();
        for (Path file : List.of(train, val, test)) {
            assertThat(ArrowTypes.of(file)).as(file.getFileName().toString()).containsExactly(
                    Map.entry("q", "string"),
                    Map.entry("system", "string"),
                    Map.entry("messages", "list<struct<content: string>>"));
        }
        assertThat(ParquetRecords.fields(parquet, train)).containsExactly(
                TestSamples.object("{\"q\": \"1\", \"system\": \"be brief\"}"));
        assertThat(ParquetRecords.fields(parquet, val)).containsExactly(
                TestSamples.object("{\"q\": \"2\", \"messages\": [{\"content\": \"hi\"}]}"));
        assertThat(ParquetRecords.fields(parquet, test)).containsExactly(TestSamples.object("{\"q\": \"3\"}"));
    }

    @Test
    void rowsKeepTheirOrderAcrossRowGroupsWhenUnusedColumnsAreLeftOut() throws IOException {
        Shape shape = new SchemaOnlyShape("chat", Optional.of(RecordSchema.of(
                Column.required("n", ColumnType.LONG),
                Column.optional("unused", ColumnType.STRING),
                Column.optional("messages", ColumnType.list(ColumnType.struct(
                        Column.optional("role", ColumnType.STRING),
                        Column.optional("tool_calls", ColumnType.list(ColumnType.STRING)),
                        Column.optional("content", ColumnType.STRING)))))));
        Path file = dir.resolve("chat.parquet");
        List<ObjectNode> records = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 6000; i++) {
            StringBuilder text = new StringBuilder();
            random.longs(40).forEach(l -> text.append(Long.toHexString(l)));
            records.add(TestSamples.object("{\"n\": " + i + ", \"messages\": [{\"role\": \"user\", \"content\": \""
                    + text + "\"}, {\"role\": \"assistant\"}]}"));
        }
        try (RecordWriter writer = parquet.withOptions(Map.of("row-group-mb", "1")).create(file, shape)) {
            for (ObjectNode r : records) {
                writer.write(r);
            }
        }
        try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(file))) {
            assertThat(footer.getRowGroups()).as("several row groups").hasSizeGreaterThan(2);
            assertThat(footer.getRowGroups()).flatExtracting(BlockMetaData::getColumns)
                    .as("the used columns' page indexes are kept").allSatisfy(c -> {
                        assertThat(c.getOffsetIndexReference()).isNotNull();
                        assertThat(footer.readOffsetIndex(c).getPageCount()).isPositive();
                    });
        }
        assertThat(ArrowTypes.of(file)).as("unused leaves are left out, inside lists of structs too").containsExactly(
                Map.entry("n", "int64"),
                Map.entry("messages", "list<struct<content: string, role: string>>"));
        assertThat(ParquetRecords.fields(parquet, file)).containsExactlyElementsOf(records);
        assertThat(filesIn(dir)).containsExactly("chat.parquet");
    }

    @Test
    void aFileWhoseRecordsUseEveryColumnKeepsThemAll() throws IOException {
        Shape shape = new SchemaOnlyShape("full", Optional.of(RecordSchema.of(
                Column.optional("a", ColumnType.STRING),
                Column.optional("b", ColumnType.list(ColumnType.LONG)))));
        Path file = dir.resolve("full.parquet");
        try (RecordWriter writer = parquet.create(file, shape)) {
            writer.write(TestSamples.object("{\"a\": \"x\"}"));
            writer.write(TestSamples.object("{\"b\": [1, 2]}"));
        }
        assertThat(ArrowTypes.of(file)).containsExactly(Map.entry("a", "string"), Map.entry("b", "list<int64>"));
        assertThat(ParquetRecords.fields(parquet, file)).containsExactly(TestSamples.object("{\"a\": \"x\"}"),
                TestSamples.object("{\"b\": [1, 2]}"));
        assertThat(filesIn(dir)).containsExactly("full.parquet");
    }

    @Test
    void theZstdLevelIsAnOption() throws IOException {
        Shape shape = new SchemaOnlyShape("text", Optional.of(RecordSchema.of(Column.required("t", ColumnType.STRING))));
        List<ObjectNode> records = new ArrayList<>();
        Random random = new Random(11);
        String[] words = {"กาแฟ", "coffee", "brand", "☕️", "launch", "ร้าน", "morning", "weekend"};
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 60; w++) {
                text.append(words[random.nextInt(words.length)]).append(' ');
            }
            records.add(Json.object().put("t", text.toString()));
        }
        Map<String, Long> sizes = new java.util.HashMap<>();
        for (String level : List.of("1", "19")) {
            Path file = dir.resolve("level-" + level + ".parquet");
            try (RecordWriter writer = parquet.withOptions(Map.of("compression-level", level)).create(file, shape)) {
                for (ObjectNode r : records) {
                    writer.write(r);
                }
            }
            assertThat(ParquetRecords.fields(parquet, file)).containsExactlyElementsOf(records);
            sizes.put(level, java.nio.file.Files.size(file));
        }
        assertThat(sizes.get("19")).as("zstd compresses harder at 19 than at 1").isLessThan(sizes.get("1"));
    }

    @Test
    void aDictionaryHoldsAQuarterMegabyteOfDistinctValues() throws IOException {
        Shape shape = new SchemaOnlyShape("turns", Optional.of(RecordSchema.of(
                Column.required("role", ColumnType.STRING),
                Column.required("small", ColumnType.STRING),
                Column.required("large", ColumnType.STRING))));
        Path file = dir.resolve("turns.parquet");
        Random random = new Random(3);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            StringBuilder text = new StringBuilder();
            random.longs(40).forEach(l -> text.append(String.format("%016x", l)));
            texts.add(text.toString());
        }
        try (RecordWriter writer = parquet.create(file, shape)) {
            for (int i = 0; i < 1800; i++) {
                writer.write(Json.object().put("role", i % 2 == 0 ? "user" : "assistant")
                        .put("small", texts.get(i % 200)).put("large", texts.get(i % 600)));
            }
        }
        try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(file))) {
            List<ColumnChunkMetaData> columns = footer.getRowGroups().get(0).getColumns();
            assertThat(columns.get(0).hasDictionaryPage()).as("role: two values").isTrue();
            assertThat(columns.get(1).hasDictionaryPage()).as("small: 200 texts, 128 KiB").isTrue();
            assertThat(columns.get(2).hasDictionaryPage()).as("large: 600 texts, 384 KiB, written plain").isFalse();
        }
    }

    @Test
    void aFailureOfTheWritingThreadReachesTheCaller() {
        Path full = Path.of("/dev/full");
        assumeTrue(java.nio.file.Files.isWritable(full), "needs Linux's /dev/full, where every write fails");
        Shape shape = new SchemaOnlyShape("text", Optional.of(RecordSchema.of(Column.required("t", ColumnType.STRING))));
        Random random = new Random(5);
        assertThatThrownBy(() -> {
            try (RecordWriter writer = parquet.withOptions(Map.of("row-group-mb", "1")).create(full, shape)) {
                for (int i = 0; i < 20_000; i++) {
                    StringBuilder text = new StringBuilder();
                    random.longs(40).forEach(l -> text.append(Long.toHexString(l)));
                    writer.write(Json.object().put("t", text.toString()));
                }
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("No space left on device");
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void unknownOptionsAndValuesAreUsageErrors() {
        assertThatThrownBy(() -> parquet.withOptions(Map.of("compresion", "zstd")))
                .isInstanceOf(UsageException.class).hasMessageContaining("compresion").hasMessageContaining("compression");
        assertThatThrownBy(() -> parquet.withOptions(Map.of("compression", "lzo")))
                .isInstanceOf(UsageException.class).hasMessageContaining("zstd, snappy, gzip, none");
        assertThatThrownBy(() -> parquet.withOptions(Map.of("row-group-mb", "0")))
                .isInstanceOf(UsageException.class).hasMessageContaining("row-group-mb");
        assertThatThrownBy(() -> parquet.withOptions(Map.of("compression-level", "23")))
                .isInstanceOf(UsageException.class).hasMessageContaining("compression-level").hasMessageContaining("1");
        assertThatThrownBy(() -> parquet.withOptions(Map.of("compression-level", "fast")))
                .isInstanceOf(UsageException.class).hasMessageContaining("'fast'");
        assertThatThrownBy(() -> parquet.withOptions(Map.of("compression", "snappy", "compression-level", "5")))
                .isInstanceOf(UsageException.class).hasMessageContaining("zstd").hasMessageContaining("snappy");
        assertThat(parquet.withOptions(Map.of())).isSameAs(parquet);
        assertThat(parquet.withOptions(Map.of("compression", "SNAPPY", "row-group-mb", "8")).id()).isEqualTo("parquet");
    }

    @Test
    void gzippedParquetIsAUsageError() {
        assertThatThrownBy(() -> parquet.open(InputFile.of(dir.resolve("data.parquet.gz"))))
                .isInstanceOf(UsageException.class).hasMessageContaining("gunzip");
    }

    /** A shape that only declares columns; records are written to the container directly. */
    record SchemaOnlyShape(String id, Optional<RecordSchema> schema) implements Shape {
        @Override
        public Sample decode(ObjectNode record, DecodeContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ObjectNode encode(Sample sample) {
            throw new UnsupportedOperationException();
        }
    }
}
