package io.sftkit.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sftkit.core.Sample;
import io.sftkit.spi.SampleRefusedException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds text holding half of a UTF-16 surrogate pair, as a JSON escape like
 * {@code "\\ud800"} without its partner produces. UTF-8 cannot encode such text: JSON Lines
 * would write it as {@code ?}, CSV and Parquet not at all. So every reader rejects a record
 * holding one, and every writer refuses it, whatever the container.
 */
public final class UnpairedSurrogates {

    /** What a rejected record's problem says. */
    public static final String PROBLEM = "text holds an unpaired UTF-16 surrogate (a \\uD800-\\uDFFF escape"
            + " without its partner), which UTF-8 cannot encode";
    /** How to fix it. */
    public static final String FIX = "remove the escape, or pair it: \\uD800-\\uDBFF followed by \\uDC00-\\uDFFF";

    private UnpairedSurrogates() {}

    /** The path of the first field whose name or text holds an unpaired surrogate, e.g. {@code messages[1].content}. */
    public static Optional<String> find(JsonNode node) {
        return find(node, "");
    }

    private static Optional<String> find(JsonNode node, String path) {
        return anyIn(node) ? Optional.of(locate(node, path)) : Optional.empty();
    }

    /** Whether a name or text anywhere in {@code node} holds an unpaired surrogate; builds no paths. */
    private static boolean anyIn(JsonNode node) {
        if (node.isTextual()) {
            return has(node.textValue());
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (anyIn(item)) {
                    return true;
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (has(field.getKey()) || anyIn(field.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The path of the first field holding one, in a node {@link #anyIn} found one in. */
    private static String locate(JsonNode node, String path) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (anyIn(node.get(i))) {
                    return locate(node.get(i), path + "[" + i + "]");
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = path.isEmpty() ? printable(field.getKey()) : path + "." + printable(field.getKey());
                if (has(field.getKey())) {
                    return child;
                }
                if (anyIn(field.getValue())) {
                    return locate(field.getValue(), child);
                }
            }
        }
        return path;
    }

    /**
     * Refuses a record about to be written that holds an unpaired surrogate.
     *
     * @throws SampleRefusedException naming the field
     */
    static void refuseIn(ObjectNode record, String shapeId, Sample sample) {
        Optional<String> field = find(record);
        if (field.isPresent()) {
            throw new SampleRefusedException(shapeId, sample.id(), "field '" + field.get() + "': " + PROBLEM);
        }
    }

    /**
     * Whether the JSON text in {@code json[from, to)}, well-formed UTF-8, may hold a surrogate:
     * UTF-8 cannot encode one, so only a {@code \\uD800}-{@code \\uDFFF} escape can. False
     * means none is there; true, that the decoded text must be looked at. Passes over
     * {@link EightBytes} at a time where there is no backslash.
     */
    static boolean mayBeEscapedIn(byte[] json, int from, int to) {
        int i = from;
        while (i < to) {
            while (i + Long.BYTES <= to && !EightBytes.any(EightBytes.equalTo(EightBytes.at(json, i), '\\'))) {
                i += Long.BYTES;
            }
            while (i < to && json[i] != '\\') {
                i++;
            }
            if (i + 2 < to && json[i + 1] == 'u' && (json[i + 2] | 0x20) == 'd') {
                return true;
            }
            i += 2; // past the escaped character, which may itself be a backslash
        }
        return false;
    }

    /** Whether {@code text} holds a surrogate that is not part of a pair. */
    public static boolean has(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            // one range test per character is what makes this loop fast; pairs are told apart only once one is seen
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                return hasFrom(text, i);
            }
        }
        return false;
    }

    private static boolean hasFrom(String text, int start) {
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** A field name fit for a one-line message: unpaired surrogates as {@code \\uXXXX}. */
    private static String printable(String name) {
        if (!has(name)) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                sb.append(c).append(name.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
