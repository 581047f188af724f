package io.sftkit.core.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sftkit.core.DataException;
import io.sftkit.core.Location;
import io.sftkit.spi.Container;
import io.sftkit.spi.InputFile;
import io.sftkit.spi.RecordReader;
import io.sftkit.spi.RecordWriter;
import io.sftkit.spi.Shape;
import io.sftkit.spi.SourceRecord;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * JSON Lines: one JSON object per line, UTF-8. Reading accepts a UTF-8 byte order mark,
 * CRLF line endings and blank lines; a malformed line (bad JSON, not UTF-8, longer than
 * {@link ReadLimits#record()}) fails alone, with its text, so a reader can go on with the next.
 */
public final class JsonLinesContainer implements Container {

    public static final String ID = "jsonl";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> extensions() {
        return List.of("jsonl", "ndjson");
    }

    @Override
    public String description() {
        return "JSON Lines, one record per line (.jsonl, .ndjson; .gz read)";
    }

    @Override
    public RecordReader open(InputFile input) throws IOException {
        return new Reader(new LineParser(new ByteLines(input.openStream(), ReadLimits.current().record()),
                input.displayName()));
    }

    @Override
    public RecordWriter create(Path target, Shape shape) throws IOException {
        return new Writer(Files.newOutputStream(target));
    }

    /** A line's record, or why it has none. */
    private record Parsed(SourceRecord record, DataException error) {}

    /**
     * Hands out the records a {@link LineParser} reads ahead on a thread of its own, so that
     * parsing runs beside the conversion.
     */
    private static final class Reader implements RecordReader {
        private final LineParser parser;
        private final Handoff<Parsed> parsed = new Handoff<>();
        private Thread thread;

        Reader(LineParser parser) {
            this.parser = parser;
        }

        @Override
        public Optional<SourceRecord> read() throws IOException {
            if (thread == null) {
                thread = parsed.produceOn("sftkit-read-jsonl", parser::next);
            }
            Parsed next = parsed.take();
            if (next == null) {
                Throwable failure = parsed.failure();
                if (failure != null) {
                    throw rethrow(failure);
                }
                return Optional.empty();
            }
            if (next.error() != null) {
                throw next.error();
            }
            return Optional.of(next.record());
        }

        /** A JSON Lines reader steps over any bad line to the next. */
        @Override
        public boolean canContinue() {
            return true;
        }

        @Override
        public void close() throws IOException {
            if (thread != null) {
                parsed.stop(thread);
            }
            parser.close();
        }
    }

    /** What ended the parsing thread, thrown again as is in the reading one. */
    private static IOException rethrow(Throwable failure) {
        if (failure instanceof IOException e) {
            return e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return new IOException(failure);
    }

    /**
     * Serialises records into chunks of about {@value #CHUNK} bytes on the caller's thread and
     * writes the chunks to the file on a thread of its own, so that the system calls run beside
     * the conversion; an I/O error there fails the next {@link #write} or the {@link #close()}.
     */
    private static final class Writer implements RecordWriter {
        private static final int CHUNK = 1 << 20;

        private final OutputStream file;
        private final Handoff<Chunk> pending = new Handoff<>();
        private final Thread thread;
        private final Chunks chunks = new Chunks();
        private final JsonGenerator gen;
        private final JsonTreeWriter trees;

        Writer(OutputStream file) throws IOException {
            this.file = file;
            this.gen = Json.MAPPER.getFactory().createGenerator(chunks, JsonEncoding.UTF8);
            gen.setRootValueSeparator(null);
            this.trees = new JsonTreeWriter(gen);
            this.thread = pending.consumeOn("sftkit-write-jsonl", c -> file.write(c.bytes(), 0, c.length()));
        }

        @Override
        public void write(ObjectNode record) throws IOException {
            trees.write(record);
            gen.writeRaw('\n');
            if (chunks.length >= CHUNK && !hand(chunks.take())) {
                throw rethrow(pending.failure());
            }
        }

        private boolean hand(Chunk chunk) {
            return pending.put(chunk, chunk.length());
        }

        @Override
        public void close() throws IOException {
            try (file) {
                gen.close();
                if (chunks.length > 0) {
                    hand(chunks.take());
                }
                pending.finish(null);
                pending.await(thread);
                Throwable failure = pending.failure();
                if (failure != null) {
                    throw rethrow(failure);
                }
            }
        }
    }

    /** Bytes of whole or partial records, in order. */
    private record Chunk(byte[] bytes, int length) {}

    /** Where the generator puts what it serialises: a chunk filled in place, taken whole. */
    private static final class Chunks extends OutputStream {
        private byte[] bytes = new byte[Writer.CHUNK + (1 << 16)];
        private int length;

        @Override
        public void write(int b) {
            ensure(1);
            bytes[length++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, length, len);
            length += len;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
            }
        }

        Chunk take() {
            Chunk chunk = new Chunk(bytes, length);
            bytes = new byte[Writer.CHUNK + (1 << 16)];
            length = 0;
            return chunk;
        }
    }

    /** Reads lines and parses each into a record, or a located error when it holds none. */
    private static final class LineParser implements Closeable {
        private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

        private final ByteLines lines;
        private final String source;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private long line;
        private long record;

        LineParser(ByteLines lines, String source) {
            this.lines = lines;
            this.source = source;
        }

        /** The next line's record or error, weighing the line's bytes; null at the end. */
        Handoff.Produced<Parsed> next() throws IOException {
            while (lines.next()) {
                long weight = lines.length();
                try {
                    Optional<SourceRecord> record = parseLine();
                    if (record.isPresent()) {
                        return new Handoff.Produced<>(new Parsed(record.get(), null), weight);
                    }
                } catch (DataException e) {
                    return new Handoff.Produced<>(new Parsed(null, e), weight);
                }
            }
            return null;
        }

        /** The current line's record, or empty for a blank line. */
        private Optional<SourceRecord> parseLine() throws IOException {
            line++;
            if (lines.tooLong()) {
                record++;
                throw new DataException(new Location(source, line, 0, record), "",
                        "a line longer than the limit of " + ReadLimits.current().record() + " bytes",
                        "split the record, or raise the limit with --limit record=N");
            }
            int offset = line == 1 && startsWithBom() ? BOM.length : 0;
            byte[] bytes = lines.bytes();
            int end = lines.length();
            if (!Utf8Bytes.isValid(bytes, offset, end)) {
                throw notUtf8(offset);
            }
            if (isBlank(bytes, offset, end)) {
                return Optional.empty();
            }
            record++;
            Location location = new Location(source, line, 0, record);
            byte[] text = Arrays.copyOfRange(bytes, offset, end);
            JsonNode node = parse(text);
            if (!node.isObject()) {
                throw new DataException(location, "", "expected a JSON object, found "
                        + node.getNodeType().name().toLowerCase(Locale.ROOT), "each line must hold one {...} record",
                        null, Optional.of(string(text)));
            }
            Supplier<String> raw = () -> string(text);
            return Optional.of(UnpairedSurrogates.mayBeEscapedIn(text, 0, text.length)
                    ? SourceRecord.withRawText((ObjectNode) node, location, raw)
                    : SourceRecord.checkedForSurrogates((ObjectNode) node, location, raw));
        }

        private boolean startsWithBom() {
            return lines.length() >= BOM.length && Arrays.equals(lines.bytes(), 0, BOM.length, BOM, 0, BOM.length);
        }

        /** Whether the (well-formed) line holds only white space, as {@link String#isBlank()} tells it. */
        private static boolean isBlank(byte[] b, int from, int to) {
            for (int i = from; i < to; i++) {
                if (b[i] < 0) {
                    return string(Arrays.copyOfRange(b, from, to)).isBlank();
                }
                if (!Character.isWhitespace(b[i])) {
                    return false;
                }
            }
            return true;
        }

        private static String string(byte[] utf8) {
            return new String(utf8, StandardCharsets.UTF_8);
        }

        /**
         * The line's JSON ({@code null} as a null node, as {@code readTree} gives it), parsed
         * from its bytes. On an error, and for a line whose first bytes could make Jackson take
         * it for UTF-16 or UTF-32 or skip a byte order mark, it is parsed from its text instead,
         * whose positions count characters, as the message must.
         */
        private JsonNode parse(byte[] text) {
            if (parsedAsUtf8(text)) {
                try {
                    return JsonTrees.read(text);
                } catch (IOException | NumberFormatException e) {
                    // located again below, from the text
                }
            }
            String chars = string(text);
            try {
                return orNullNode(Json.TREE_READER.readValue(chars));
            } catch (JsonProcessingException e) {
                throw JsonParseErrors.of(e, source, line, record, Optional.of(chars));
            } catch (NumberFormatException e) {
                throw JsonParseErrors.badNumber(e, new Location(source, line, 0, record), Optional.of(chars));
            }
        }

        private static JsonNode orNullNode(JsonNode node) {
            return node == null ? NullNode.getInstance() : node;
        }

        /** Jackson detects the encoding of bytes from a byte order mark or zero bytes among the first four. */
        private static boolean parsedAsUtf8(byte[] text) {
            if (text.length == 0 || text[0] == (byte) 0xEF || text[0] == (byte) 0xFE || text[0] == (byte) 0xFF) {
                return false;
            }
            for (int i = 0; i < Math.min(4, text.length); i++) {
                if (text[i] == 0) {
                    return false;
                }
            }
            return true;
        }

        /** The error for a line that is not UTF-8, located at its first bad byte by the JDK's decoder. */
        private DataException notUtf8(int offset) {
            ByteBuffer in = ByteBuffer.wrap(lines.bytes(), offset, lines.length() - offset);
            CharBuffer out = CharBuffer.allocate(in.remaining());
            CoderResult result = decoder.reset().decode(in, out, true);
            if (!result.isError()) {
                result = decoder.flush(out);
            }
            if (!result.isError()) {
                throw new IllegalStateException("line " + line + " of " + source + " was taken for malformed UTF-8");
            }
            record++;
            String lenient = new String(lines.bytes(), offset, lines.length() - offset, StandardCharsets.UTF_8);
            return new DataException(new Location(source, line, out.position() + 1, record), "",
                    String.format(Locale.ROOT, "invalid UTF-8 bytes (0x%02x)", lines.bytes()[in.position()] & 0xFF),
                    JsonParseErrors.REENCODE, null, Optional.of(lenient));
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }
    }
}
