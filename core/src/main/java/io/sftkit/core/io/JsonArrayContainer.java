package io.sftkit.core.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sftkit.core.DataException;
import io.sftkit.core.Location;
import io.sftkit.spi.Container;
import io.sftkit.spi.InputFile;
import io.sftkit.spi.RecordReader;
import io.sftkit.spi.RecordWriter;
import io.sftkit.spi.Shape;
import io.sftkit.spi.SourceRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A JSON array of record objects, as LLaMA-Factory ships its data. Read and written as a
 * stream: one record in memory at a time. Written with one record per line. Reading accepts
 * a UTF-8 byte order mark and any white space (CRLF, blank lines); a file holding only white
 * space has no records.
 */
public final class JsonArrayContainer implements Container {

    public static final String ID = "json";

    private static final byte[] OPEN = "[\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SEPARATOR = ",\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CLOSE = "\n]\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY = "[]\n".getBytes(StandardCharsets.UTF_8);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> extensions() {
        return List.of("json");
    }

    @Override
    public String description() {
        return "a JSON array of records (.json; .gz read)";
    }

    @Override
    public RecordReader open(InputFile input) throws IOException {
        // parsed as chars, not bytes, so that columns count characters as in JSON Lines and CSV
        Reader in = new Utf8Reader(input.openStream());
        try {
            return new ElementReader(Json.MAPPER.getFactory().createParser(in), in, input.displayName());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public RecordWriter create(Path target, Shape shape) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
        ObjectWriter writer = Json.MAPPER.writer();
        return new RecordWriter() {
            private boolean first = true;

            @Override
            public void write(ObjectNode record) throws IOException {
                out.write(first ? OPEN : SEPARATOR);
                first = false;
                writer.writeValue(out, record);
            }

            @Override
            public void close() throws IOException {
                try (out) {
                    out.write(first ? EMPTY : CLOSE);
                }
            }
        };
    }

    private static final class ElementReader implements RecordReader {
        private final JsonParser parser;
        private final Reader in;
        private final String source;
        private boolean started;
        private boolean done;
        private long record;

        ElementReader(JsonParser parser, Reader in, String source) {
            this.parser = parser;
            this.in = in;
            this.source = source;
        }

        @Override
        public Optional<SourceRecord> read() throws IOException {
            if (done) {
                return Optional.empty();
            }
            try {
                if (!started) {
                    started = true;
                    JsonToken first = parser.nextToken();
                    if (first == null) {
                        // nothing but white space: no records, as an empty .jsonl or .csv file
                        done = true;
                        return Optional.empty();
                    }
                    if (first != JsonToken.START_ARRAY) {
                        done = true;
                        throw new DataException(location(0), "", "expected a JSON array of records, found "
                                + describe(first), first == JsonToken.START_OBJECT
                                ? "for one record per line, name the file .jsonl" : "wrap the records in [ ... ]");
                    }
                }
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    done = true;
                    JsonToken after = parser.nextToken();
                    if (after != null) {
                        throw new DataException(location(record), "", "found " + describe(after)
                                + " after the end of the JSON array", "remove everything after the closing ]");
                    }
                    return Optional.empty();
                }
                record++;
                Location location = location(record);
                if (token != JsonToken.START_OBJECT) {
                    JsonNode skipped = Json.ELEMENT_READER.readTree(parser);
                    throw new DataException(location, "", "expected a record object, found "
                            + (skipped == null ? describe(token) : skipped.getNodeType().name().toLowerCase(Locale.ROOT)),
                            "every array element must be a {...} record");
                }
                ObjectNode node = (ObjectNode) Json.ELEMENT_READER.readTree(parser);
                return Optional.of(new SourceRecord(node, location));
            } catch (JsonProcessingException e) {
                done = true;
                throw JsonParseErrors.of(e, parser.currentLocation(), source, 0, record, Optional.empty());
            } catch (NumberFormatException e) {
                done = true;
                JsonLocation at = parser.currentLocation();
                throw JsonParseErrors.badNumber(e, new Location(source, at.getLineNr(), at.getColumnNr(), record),
                        Optional.empty());
            } catch (Utf8Reader.Malformed e) {
                done = true;
                throw new DataException(new Location(source, e.line, e.column, record), "",
                        String.format(Locale.ROOT, "invalid UTF-8 bytes (0x%02x)", e.value), JsonParseErrors.REENCODE, e);
            }
        }

        /** After a syntax error the rest of the array cannot be read; after an element that is not an object it can. */
        @Override
        public boolean canContinue() {
            return !done;
        }

        private Location location(long recordIndex) {
            var loc = parser.currentTokenLocation();
            return new Location(source, Math.max(0, loc.getLineNr()), Math.max(0, loc.getColumnNr()), recordIndex);
        }

        private static String describe(JsonToken token) {
            return switch (token) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "null";
                default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
            };
        }

        @Override
        public void close() throws IOException {
            try (in) {
                parser.close();
            }
        }
    }
}
