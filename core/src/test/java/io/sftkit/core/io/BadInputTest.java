package io.sftkit.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sftkit.core.DataException;
import io.sftkit.core.Message;
import io.sftkit.core.Metadata;
import io.sftkit.core.RoleNames;
import io.sftkit.core.Sample;
import io.sftkit.spi.FormatRegistry;
import io.sftkit.spi.SampleRefusedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through {@link DatasetReader} and {@link Conversion}: one located line per bad
 * record whatever the container, the same rules for every container, and with a rejects file
 * every bad record accounted for.
 */
class BadInputTest {

    private static final FormatRegistry REGISTRY = FormatRegistry.load(BadInputTest.class.getClassLoader());
    private static final String GOOD = "{\"id\": \"a\", \"messages\": [{\"role\": \"user\", \"content\": \"q\"},"
            + " {\"role\": \"assistant\", \"content\": \"ตอบ ☕️\"}], \"metadata\": {}}";

    @TempDir
    Path dir;

    @AfterEach
    void defaultLimits() {
        ReadLimits.DEFAULTS.apply();
    }

    private Path file(String name, String text) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    private Path file(String name, byte[]... parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            bytes.writeBytes(p);
        }
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static DatasetReader open(Path file) {
        return DatasetReader.open(REGISTRY, file, Optional.of("canonical"), Optional.empty(), RoleNames.DEFAULT);
    }

    /** Reads everything with skip semantics: the ids read and the rejections, in order. */
    private static List<String> readSkipping(Path file, List<Rejection> rejected) {
        List<String> ids = new ArrayList<>();
        try (DatasetReader in = open(file)) {
            for (Optional<ReadSample> s = in.next(rejected::add); s.isPresent(); s = in.next(rejected::add)) {
                ids.add(s.get().sample().id());
            }
        }
        return ids;
    }

    private static DataException firstError(Path file) {
        try (DatasetReader in = open(file)) {
            while (in.next().isPresent()) {
                // read on
            }
        } catch (DataException e) {
            return e;
        }
        throw new AssertionError("no error reading " + file);
    }

    @Test
    void invalidUtf8InALineNamesLineAndColumnAndTheReaderGoesOnWithTheNext() throws IOException {
        Path f = file("latin.jsonl", utf8(GOOD + "\n{\"id\": \"caf"), new byte[] {(byte) 0xE9}, utf8("\"}\n"),
                utf8(GOOD.replace("\"a\"", "\"b\"") + "\n"));

        assertThat(firstError(f)).hasMessage(f + ":2:12 (record 2): invalid UTF-8 bytes (0xe9)"
                + " (fix: re-encode the file as UTF-8 (e.g. iconv -f LATIN1 -t UTF-8))");
        List<Rejection> rejected = new ArrayList<>();
        assertThat(readSkipping(f, rejected)).containsExactly("a", "b");
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.location().line()).isEqualTo(2);
            assertThat(r.raw()).contains("{\"id\": \"caf\uFFFD\"}");
        });
    }

    @Test
    void invalidUtf8InAJsonArrayIsLocatedAndEndsTheFile() throws IOException {
        Path f = file("latin.json", utf8("[\n" + GOOD + ",\n{\"id\": \"caf"), new byte[] {(byte) 0xE9}, utf8("\"}]"));

        assertThat(firstError(f)).hasMessage(f + ":3:12 (record 2): invalid UTF-8 bytes (0xe9)"
                + " (fix: re-encode the file as UTF-8 (e.g. iconv -f LATIN1 -t UTF-8))");
        assertThatThrownBy(() -> readSkipping(f, new ArrayList<>())).hasMessageContaining("cannot go past it");
    }

    @Test
    void aLineOverTheRecordLimitIsSteppedOverNotHeld() throws IOException {
        new ReadLimits(200, 1000, 1000, 300).apply();
        String longLine = "{\"id\": \"" + "x".repeat(400) + "\"}";
        Path f = file("long.jsonl", GOOD + "\r\n" + longLine + "\r\n" + GOOD.replace("\"a\"", "\"c\"") + "\r\n");

        assertThat(firstError(f)).hasMessage(f + ":2 (record 2): a line longer than the limit of 300 bytes"
                + " (fix: split the record, or raise the limit with --limit record=N)");
        List<Rejection> rejected = new ArrayList<>();
        assertThat(readSkipping(f, rejected)).containsExactly("a", "c");
        assertThat(rejected).singleElement().satisfies(r -> assertThat(r.raw()).isEmpty());
    }

    @Test
    void limitsNameTheOptionThatRaisesThem() throws IOException {
        Path deep = file("deep.jsonl", "{\"id\": " + "[".repeat(250) + "]".repeat(250) + "}\n");
        assertThat(firstError(deep)).hasMessage(deep + ":1 (record 1): nested deeper than the limit of 200 levels"
                + " (fix: flatten the record, or raise the limit with --limit depth=N)");

        new ReadLimits(200, 10, 5, 1 << 20).apply();
        Path string = file("string.json", "[\n" + GOOD.replace("ตอบ ☕️", "a long answer") + "\n]");
        assertThat(firstError(string).getMessage()).startsWith(string + ":2:")
                .endsWith("(record 1): a string longer than the limit of 10 characters"
                        + " (fix: shorten it, or raise the limit with --limit string=N)");
        Path number = file("number.jsonl", "{\"id\": 1234567}\n");
        assertThat(firstError(number).getMessage()).isEqualTo(number + ":1 (record 1): a number longer than the limit of 5 digits"
                + " (fix: write it as a string, or raise the limit with --limit number=N)");
    }

    @Test
    void aNumberJavaCannotHoldIsBadDataNotACrash() throws IOException {
        String huge = GOOD.replace("\"metadata\": {}", "\"metadata\": {\"score\": 1e52147483648}");
        Path jsonl = file("n.jsonl", huge + "\n" + GOOD.replace("\"a\"", "\"b\"") + "\n");
        assertThat(firstError(jsonl).getMessage()).startsWith(jsonl + ":1 (record 1): a number out of range (")
                .endsWith("(fix: write the number as a string, or with a smaller exponent)");
        List<Rejection> rejected = new ArrayList<>();
        assertThat(readSkipping(jsonl, rejected)).containsExactly("b");
        assertThat(rejected).singleElement().satisfies(r -> assertThat(r.raw()).contains(huge));

        Path json = file("n.json", "[" + huge + "]");
        assertThat(firstError(json).getMessage()).startsWith(json + ":1:").contains("(record 1): a number out of range (");
    }

    @Test
    void anUnpairedSurrogateIsRejectedTheSameInEveryContainer() throws IOException {
        String bad = GOOD.replace("ตอบ ☕️", "half \\ud83d of an emoji");
        Path jsonl = file("s.jsonl", bad + "\n");
        Path json = file("s.json", "[" + bad + "]");
        Path csv = file("s.csv", "id,messages:json,metadata:json\r\n\"a\",\"[{\"\"role\"\": \"\"user\"\", \"\"content\"\":"
                + " \"\"\\ud83d\"\"}]\",\"{}\"\r\n");
        String problem = "field 'messages[1].content': text holds an unpaired UTF-16 surrogate (a \\uD800-\\uDFFF escape"
                + " without its partner), which UTF-8 cannot encode (fix: remove the escape, or pair it:"
                + " \\uD800-\\uDBFF followed by \\uDC00-\\uDFFF)";
        assertThat(firstError(jsonl)).hasMessage(jsonl + ":1 (record 1): " + problem);
        assertThat(firstError(json)).hasMessage(json + ":1:2 (record 1): " + problem);
        assertThat(firstError(csv)).hasMessage(csv + ":2 (record 1): " + problem.replace("messages[1]", "messages[0]"));
    }

    @Test
    void aWriterRefusesTextUtf8CannotEncodeAndWritesTheRest() throws IOException {
        Sample bad = Sample.of("bad", List.of(Message.user("half " + (char) 0xD83D), Message.assistant("a")), Metadata.EMPTY);
        Sample good = Sample.of("good", List.of(Message.user("q"), Message.assistant("a")), Metadata.EMPTY);
        Path out = dir.resolve("out.json");
        try (DatasetWriter writer = DatasetWriter.create(out, new CanonicalShape(), new JsonArrayContainer(), false)) {
            assertThatThrownBy(() -> writer.write(bad)).isInstanceOfSatisfying(SampleRefusedException.class,
                    e -> assertThat(e.reason()).isEqualTo("field 'messages[0].content': " + UnpairedSurrogates.PROBLEM));
            writer.write(good);
            writer.commit();
        }
        List<Rejection> rejected = new ArrayList<>();
        assertThat(readSkipping(out, rejected)).containsExactly("good");
        assertThat(rejected).isEmpty();
    }

    @Test
    void noiseIsAcceptedInEveryContainer() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path jsonl = file("n.jsonl", bom, utf8("\r\n" + GOOD + "\r\n\r\n   \r\n" + GOOD.replace("\"a\"", "\"b\"") + "\r\n\r\n"));
        Path json = file("n.json", bom, utf8("\r\n[\r\n\r\n" + GOOD + ",\r\n\r\n" + GOOD.replace("\"a\"", "\"b\"") + "\r\n]\r\n\r\n"));
        Path csv = file("n.csv", bom, utf8("id,messages:json,metadata:json\r\n\r\n\"a\",\"[]\",\"{}\"\r\n\r\n\"b\",\"[]\",\"{}\"\r\n\r\n"));
        for (Path f : List.of(jsonl, json, csv)) {
            List<Rejection> rejected = new ArrayList<>();
            assertThat(readSkipping(f, rejected)).as(f.toString()).containsExactly("a", "b");
            assertThat(rejected).isEmpty();
        }
    }

    @Test
    void aJsonArrayElementThatIsNotAnObjectIsSkippableButBrokenSyntaxEndsTheFile() throws IOException {
        Path element = file("e.json", "[" + GOOD + ", 42, " + GOOD.replace("\"a\"", "\"b\"") + "]");
        List<Rejection> rejected = new ArrayList<>();
        assertThat(readSkipping(element, rejected)).containsExactly("a", "b");
        assertThat(rejected).singleElement().satisfies(r -> assertThat(r.message())
                .isEqualTo(element + ":1:" + (GOOD.codePointCount(0, GOOD.length()) + 4) + " (record 2): expected a record object, found number"
                        + " (fix: every array element must be a {...} record)"));

        Path syntax = file("x.json", "[" + GOOD + ",\n {\"id\": tru}, " + GOOD + "]");
        assertThatThrownBy(() -> readSkipping(syntax, new ArrayList<>())).isInstanceOf(DataException.class)
                .hasMessageStartingWith(syntax + ":2:")
                .hasMessageContaining("(record 2): malformed JSON: Unrecognized token 'tru'")
                .hasMessageContaining("; the rest of the file cannot be read, so --on-error skip cannot go past it");
    }

    @Test
    void aCsvRowWithTheWrongCellCountIsSkippableButBrokenQuotesEndTheFile() throws IOException {
        Path cells = file("c.csv", "id,messages:json,metadata:json\r\n\"a\",\"[]\",\"{}\"\r\n\"x\",\"[]\"\r\n\"b\",\"[]\",\"{}\"\r\n");
        List<Rejection> rejected = new ArrayList<>();
        assertThat(readSkipping(cells, rejected)).containsExactly("a", "b");
        assertThat(rejected).singleElement().satisfies(r -> assertThat(r.message()).isEqualTo(cells
                + ":3 (record 2): the row has 2 cells but the header has 3 columns (fix: give every row one cell per column)"));

        Path quotes = file("q.csv", "id,messages:json,metadata:json\r\n\"a\",\"[]\",\"{}\"\r\n\"b\"x,\"[]\",\"{}\"\r\n");
        assertThatThrownBy(() -> readSkipping(quotes, new ArrayList<>())).isInstanceOf(DataException.class)
                .hasMessageContaining("malformed CSV")
                .hasMessageContaining("so --on-error skip cannot go past it");
    }

    @Test
    void detectionLooksPastBadLeadingRecordsWhenSkipping() throws IOException {
        Path f = file("lead.jsonl", "not json\n[1]\n" + GOOD + "\n");
        List<Rejection> rejected = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (DatasetReader in = DatasetReader.open(REGISTRY, f, Optional.empty(), Optional.empty(), RoleNames.DEFAULT)) {
            assertThat(in.shape().id()).isEqualTo("canonical");
            for (Optional<ReadSample> s = in.next(rejected::add); s.isPresent(); s = in.next(rejected::add)) {
                ids.add(s.get().sample().id());
            }
        }
        assertThat(ids).containsExactly("a");
        assertThat(rejected).extracting(r -> r.location().line()).containsExactly(1L, 2L);
    }

    @Test
    void rejectsFileHoldsEveryBadRecordAndTheCountsReconcile() throws IOException {
        Path in = file("in.jsonl", GOOD + "\n{oops\n" + GOOD.replace("\"a\"", "\"b\"") + "\n"
                + GOOD.replace("\"role\": \"user\"", "\"role\": \"narrator\"") + "\n");
        Path out = dir.resolve("out.jsonl");
        Path rejectsPath = RejectsFile.besides(out);
        Conversion.Summary summary;
        try (DatasetReader reader = open(in);
                DatasetWriter writer = DatasetWriter.create(out, new CanonicalShape(), new JsonLinesContainer(), false);
                RejectsFile rejects = RejectsFile.create(rejectsPath, false)) {
            summary = Conversion.run(reader, writer, s -> true, Optional.of(rejects));
        }
        assertThat(summary).isEqualTo(new Conversion.Summary(4, 2, 0, 2));
        assertThat(Files.readAllLines(out)).hasSize(2);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(rejectsPath, StandardCharsets.UTF_8)) {
            lines.add(Json.MAPPER.readTree(line));
        }
        assertThat(lines).extracting(j -> j.get("line").asLong()).containsExactly(2L, 4L);
        assertThat(lines.get(0).get("raw").asText()).isEqualTo("{oops");
        assertThat(lines.get(0).get("stage").asText()).isEqualTo("read");
        assertThat(lines.get(1).get("field").asText()).isEqualTo("messages[0].role");
        assertThat(lines.get(1).get("problem").asText()).startsWith("unknown role 'narrator'");
        assertThat(lines.get(1).get("error").asText()).startsWith(in + ":4 (record 4): field 'messages[0].role': ");
    }

    @Test
    void anInputWithoutRecordsIsAnErrorAndWritesNothing() throws IOException {
        for (String name : List.of("e.jsonl", "e.json", "e.csv")) {
            Path in = file(name, "\n");
            Path out = dir.resolve("out-" + name + ".jsonl");
            try (DatasetReader reader = open(in);
                    DatasetWriter writer = DatasetWriter.create(out, new CanonicalShape(), new JsonLinesContainer(), false)) {
                assertThatThrownBy(() -> Conversion.run(reader, writer, s -> true, Optional.empty()))
                        .isInstanceOf(DataException.class)
                        .hasMessage(in + ": no records (fix: the input is empty; check that it is the file you meant)");
            }
            assertThat(out).doesNotExist();
        }
    }
}
