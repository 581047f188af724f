package io.sftkit.core.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON trees through a UTF-8 {@link JsonGenerator} of {@link Json#MAPPER} byte for
 * byte as {@code Json.MAPPER.writeTree} does, only faster, for the JSON Lines writer:
 * <ul>
 * <li>strings are turned into UTF-8 by the JDK's encoder, several times faster than the
 *     generator's per-character loop on non-ASCII text, searched eight bytes at a time for
 *     what JSON escapes, escaped as the generator would ({@code \"}, {@code \\},
 *     {@code \n}-style short escapes, {@code \u001F} for other control characters) and
 *     written raw; a string holding half a surrogate pair (which the encoder writes as
 *     {@code ?}) goes to the generator as it is;</li>
 * <li>nothing is flushed after each value ({@code writeTree} flushes the stream, a system
 *     call per record).</li>
 * </ul>
 * Values other than objects, arrays and strings are serialised by Jackson itself.
 */
final class JsonTreeWriter {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** Escaped strings are built here; a buffer grown past this is let go after use. */
    private static final int KEPT_BUFFER = 1 << 16;

    private final JsonGenerator gen;
    private final SerializerProvider provider = Json.MAPPER.getSerializerProviderInstance();
    private byte[] escaped = new byte[KEPT_BUFFER];
    private final ArrayDeque<Open> open = new ArrayDeque<>();

    /** An object or array being written, and what of it is left. */
    private record Open(Iterator<?> items, boolean object) {}

    JsonTreeWriter(JsonGenerator gen) {
        this.gen = gen;
    }

    /**
     * Writes a tree. The walk is a loop over a stack of open objects and arrays rather than a
     * recursion: the JIT then compiles the string path once, not once per level it inlines.
     */
    void write(JsonNode root) throws IOException {
        if (!root.isContainerNode()) {
            value(root);
            return;
        }
        open(root);
        while (!open.isEmpty()) {
            Open top = open.peek();
            if (!top.items().hasNext()) {
                open.pop();
                if (top.object()) {
                    gen.writeEndObject();
                } else {
                    gen.writeEndArray();
                }
                continue;
            }
            JsonNode value;
            if (top.object()) {
                @SuppressWarnings("unchecked")
                Map.Entry<String, JsonNode> field = (Map.Entry<String, JsonNode>) top.items().next();
                gen.writeFieldName(field.getKey());
                value = field.getValue();
            } else {
                value = (JsonNode) top.items().next();
            }
            if (value.isContainerNode()) {
                open(value);
            } else {
                value(value);
            }
        }
    }

    private void open(JsonNode container) throws IOException {
        if (container instanceof ObjectNode object) {
            gen.writeStartObject();
            open.push(new Open(object.properties().iterator(), true));
        } else {
            gen.writeStartArray();
            open.push(new Open(container.elements(), false));
        }
    }

    private void value(JsonNode node) throws IOException {
        if (node instanceof TextNode text) {
            text(text.textValue());
        } else {
            other(node);
        }
    }

    /** Numbers, booleans, null and the rest, as Jackson writes them; kept apart so that the hot path stays small. */
    private void other(JsonNode node) throws IOException {
        node.serialize(gen, provider);
    }

    private void text(String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        int length = 0;
        int start = 0;
        boolean noHalfPairs = false;
        for (int i = nextSpecial(utf8, 0); i >= 0; i = nextSpecial(utf8, i + 1)) {
            if (utf8[i] == '?') {
                // the encoder writes '?' for half a surrogate pair: such text goes to the generator as it is
                if (!noHalfPairs && hasSurrogate(s)) {
                    gen.writeString(s);
                    return;
                }
                noHalfPairs = true;
                continue;
            }
            length = append(utf8, start, i - start, length);
            length = appendEscape(utf8[i], length);
            start = i + 1;
        }
        if (start == 0) {
            gen.writeRawUTF8String(utf8, 0, utf8.length);
            return;
        }
        length = append(utf8, start, utf8.length - start, length);
        gen.writeRawUTF8String(escaped, 0, length);
        if (escaped.length > KEPT_BUFFER) {
            escaped = new byte[KEPT_BUFFER];
        }
    }

    private static boolean hasSurrogate(String s) {
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                return true;
            }
        }
        return false;
    }

    /**
     * The index of the first byte from {@code from} on that JSON escapes (a control
     * character, {@code "} or {@code \\}) or that is {@code ?}; -1 if none. Looks at
     * {@link EightBytes} at a time.
     */
    private static int nextSpecial(byte[] b, int from) {
        int i = from;
        for (; i + Long.BYTES <= b.length; i += Long.BYTES) {
            long x = EightBytes.at(b, i);
            if (EightBytes.any(EightBytes.equalTo(x, '"') | EightBytes.equalTo(x, '\\') | EightBytes.equalTo(x, '?')
                    | EightBytes.below(x, 0x20))) {
                break;
            }
        }
        for (; i < b.length; i++) {
            int c = b[i];
            if (c >= 0 && (c < 0x20 || c == '"' || c == '\\' || c == '?')) {
                return i;
            }
        }
        return -1;
    }

    private int append(byte[] from, int offset, int count, int length) {
        ensure(length + count);
        System.arraycopy(from, offset, escaped, length, count);
        return length + count;
    }

    /** Appends the escape of an ASCII byte, as Jackson writes it. */
    private int appendEscape(byte c, int length) {
        ensure(length + 6);
        byte[] out = escaped;
        out[length++] = '\\';
        switch (c) {
            case '"', '\\' -> out[length++] = c;
            case '\b' -> out[length++] = 'b';
            case '\t' -> out[length++] = 't';
            case '\n' -> out[length++] = 'n';
            case '\f' -> out[length++] = 'f';
            case '\r' -> out[length++] = 'r';
            default -> {
                out[length++] = 'u';
                out[length++] = '0';
                out[length++] = '0';
                out[length++] = HEX[c >> 4];
                out[length++] = HEX[c & 0xF];
            }
        }
        return length;
    }

    private void ensure(int capacity) {
        if (capacity > escaped.length) {
            escaped = Arrays.copyOf(escaped, Math.max(capacity, escaped.length * 2));
        }
    }
}
