package io.sftkit.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sftkit.core.DataException;
import io.sftkit.spi.Container;
import io.sftkit.spi.InputFile;
import io.sftkit.spi.RecordReader;
import io.sftkit.spi.RecordWriter;
import io.sftkit.spi.SourceRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonContainersTest {

    @TempDir
    Path dir;

    private final Container jsonl = new JsonLinesContainer();
    private final Container json = new JsonArrayContainer();

    private List<SourceRecord> readAll(Container c, Path file) throws IOException {
        List<SourceRecord> out = new ArrayList<>();
        try (RecordReader r = c.open(InputFile.of(file))) {
            for (Optional<SourceRecord> rec = r.read(); rec.isPresent(); rec = r.read()) {
                out.add(rec.get());
            }
        }
        return out;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonLinesAcceptsBomCrlfAndBlankLinesAndCountsLines() throws IOException {
        Path f = write("a.jsonl", "\uFEFF{\"a\":1}\r\n\r\n{\"a\":\"สวัสดี ☕️\"}\r\n\n");
        List<SourceRecord> records = readAll(jsonl, f);
        assertThat(records).hasSize(2);
        assertThat(records.get(1).fields().get("a").textValue()).isEqualTo("สวัสดี ☕️");
        assertThat(records.get(1).location().line()).isEqualTo(3);
        assertThat(records.get(1).location().record()).isEqualTo(2);
    }

    @Test
    void jsonLinesMalformedLineNamesLineAndColumnAndReaderContinues() throws IOException {
        Path f = write("bad.jsonl", "{\"a\":1}\n{\"a\": tru}\n{\"a\":3}\n");
        try (RecordReader r = jsonl.open(InputFile.of(f))) {
            assertThat(r.read()).isPresent();
            assertThatThrownBy(r::read).isInstanceOf(DataException.class)
                    .hasMessageStartingWith(f + ":2:")
                    .hasMessageContaining("(record 2): malformed JSON: Unrecognized token 'tru'");
            assertThat(r.read().orElseThrow().fields().get("a").intValue()).isEqualTo(3);
        }
    }

    @Test
    void jsonLinesRejectsALineHoldingTwoRecordsRatherThanDroppingOne() throws IOException {
        Path f = write("two.jsonl", "[]\"a\"\n{\"a\":1}{\"a\":2}\n");
        try (RecordReader r = jsonl.open(InputFile.of(f))) {
            assertThatThrownBy(r::read).isInstanceOf(DataException.class).hasMessageContaining("(record 1): malformed JSON");
            assertThatThrownBy(r::read).isInstanceOf(DataException.class).hasMessageContaining("(record 2): malformed JSON");
        }
    }

    @Test
    void jsonLinesRejectsNonObjectLine() throws IOException {
        Path f = write("arr.jsonl", "[1,2]\n");
        try (RecordReader r = jsonl.open(InputFile.of(f))) {
            assertThatThrownBy(r::read).isInstanceOf(DataException.class)
                    .hasMessage(f + ":2 (record 1): expected a JSON object, found array (fix: each line must hold one {...} record)"
                            .replace(":2 ", ":1 "));
        }
    }

    @Test
    void jsonLinesRejectsInvalidUtf8WithLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("{\"a\":1}\n{\"a\":\"".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3);
        bytes.write(0x28);
        bytes.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
        Path f = write("latin.jsonl", bytes.toByteArray());
        assertThatThrownBy(() -> readAll(jsonl, f)).isInstanceOf(DataException.class)
                .hasMessageContaining("invalid UTF-8 bytes");
    }

    @Test
    void jsonArrayStreamsRecordsWithLocations() throws IOException {
        Path f = write("a.json", "[\n  {\"a\": 1},\n  {\"a\": \"🇹🇭\"}\n]\n");
        List<SourceRecord> records = readAll(json, f);
        assertThat(records).hasSize(2);
        assertThat(records.get(1).location().line()).isEqualTo(3);
        assertThat(records.get(1).fields().get("a").textValue()).isEqualTo("🇹🇭");
    }

    @Test
    void jsonArrayRejectsGarbageAfterTheArray() throws IOException {
        Path f = write("g.json", "[{\"a\":1}] {\"b\":2}");
        assertThatThrownBy(() -> readAll(json, f)).isInstanceOf(DataException.class)
                .hasMessage(f + ":1:11 (record 1): found an object after the end of the JSON array"
                        + " (fix: remove everything after the closing ])");
    }

    @Test
    void jsonArrayRejectsAnObjectAtTopLevelSuggestingJsonl() throws IOException {
        Path f = write("o.json", "{\"a\":1}\n{\"a\":2}\n");
        assertThatThrownBy(() -> readAll(json, f)).isInstanceOf(DataException.class)
                .hasMessageContaining("expected a JSON array of records, found an object")
                .hasMessageContaining("name the file .jsonl");
    }

    /** As an empty .jsonl or .csv file: no records (the commands that write refuse an input without records). */
    @Test
    void jsonArrayFileWithNothingButWhiteSpaceHasNoRecords() throws IOException {
        assertThat(readAll(json, write("e.json", ""))).isEmpty();
        assertThat(readAll(json, write("w.json", "\uFEFF \r\n\n"))).isEmpty();
    }

    @Test
    void writersRoundTripBytesOfThaiAndEmojiExactly() throws IOException {
        for (Container c : List.of(jsonl, json)) {
            Path f = dir.resolve("rt." + c.extensions().get(0));
            ObjectNode a = Json.object().put("text", "กาแฟ ☕️ 👨‍👩‍👧‍👦 line\u2028sep \r\n end");
            ObjectNode b = Json.object().put("text", "");
            try (RecordWriter w = c.create(f, new CanonicalShape())) {
                w.write(a);
                w.write(b);
            }
            List<SourceRecord> back = readAll(c, f);
            assertThat(back).extracting(SourceRecord::fields).containsExactly(a, b);
            assertThat(Files.readString(f, StandardCharsets.UTF_8)).contains("กาแฟ ☕️ 👨‍👩‍👧‍👦");
        }
    }

    @Test
    void emptyJsonArrayIsWrittenAndReadAsNoRecords() throws IOException {
        Path f = dir.resolve("empty.json");
        json.create(f, new CanonicalShape()).close();
        assertThat(readAll(json, f)).isEmpty();
    }

    @Test
    void jsonLinesOutputOfManyMegabytesIsTheRecordsInOrderWhateverTheChunkBoundaries() throws IOException {
        Path f = dir.resolve("many.jsonl");
        List<ObjectNode> written = new ArrayList<>();
        StringBuilder expected = new StringBuilder();
        try (RecordWriter w = jsonl.create(f, new CanonicalShape())) {
            for (int i = 0; i < 6000; i++) {
                ObjectNode record = Json.object().put("n", i).put("text", "ก่อน ☕️ \"" + "x".repeat(i % 997) + "\n");
                w.write(record);
                written.add(record);
                expected.append(Json.MAPPER.writeValueAsString(record)).append('\n');
            }
        }
        assertThat(Files.size(f)).isGreaterThan(3L << 20);
        assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        assertThat(readAll(jsonl, f)).extracting(SourceRecord::fields).containsExactlyElementsOf(written);
    }
}
