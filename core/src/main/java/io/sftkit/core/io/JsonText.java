package io.sftkit.core.io;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON held as text inside a record, as LLaMA-Factory and OpenAI keep tool definitions,
 * tool calls and call arguments. Writes it the way Python's {@code json.dumps(value,
 * ensure_ascii=False)} does ({@code ", "} and {@code ": "} separators, one line, non-ASCII
 * as is), so text sftkit writes looks like the frameworks' own data, and cuts exact
 * substrings out of such text so that values can be moved without re-formatting them.
 */
public final class JsonText {

    private static final ObjectWriter PYTHON_STYLE = Json.MAPPER.writer(new DefaultPrettyPrinter(
            new Separators()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEntrySpacing(Separators.Spacing.AFTER)
                    .withArrayValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(null)
            .withArrayIndenter(null));

    private JsonText() {}

    /** One line of JSON with Python's default separators. */
    public static String write(JsonNode value) {
        requireNonNull(value, "value is null");
        try {
            return PYTHON_STYLE.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise a JSON tree", e);
        }
    }

    /** A string as a JSON string literal, quotes included. */
    public static String quote(String text) {
        return write(Json.MAPPER.getNodeFactory().textNode(requireNonNull(text, "text is null")));
    }

    /**
     * Parses JSON text.
     *
     * @throws JsonProcessingException when it is not exactly one JSON value
     */
    public static JsonNode parse(String text) throws JsonProcessingException {
        requireNonNull(text, "text is null");
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (NumberFormatException e) {
            throw new JsonParseException(null, JsonParseErrors.numberOutOfRange(e), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new JsonParseException(null, "no JSON value in the text");
        }
        return node;
    }

    /** Whether the text is exactly one JSON value. */
    public static boolean isJson(String text) {
        try {
            parse(text);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /**
     * The elements of a JSON array given as text, each exactly as written there.
     *
     * @return empty when the text is not a JSON array
     */
    public static Optional<List<String>> arrayElements(String text) {
        requireNonNull(text, "text is null");
        try (JsonParser p = Json.MAPPER.getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return Optional.empty();
            }
            List<String> elements = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                elements.add(currentValue(p, text));
            }
            return p.nextToken() == null ? Optional.of(elements) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The value of a top-level field of a JSON object given as text, exactly as written there.
     *
     * @return empty when the text is not an object or has no such field
     */
    public static Optional<String> fieldValue(String text, String field) {
        requireNonNull(text, "text is null");
        requireNonNull(field, "field is null");
        try (JsonParser p = Json.MAPPER.getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            Optional<String> found = Optional.empty();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                String value = currentValue(p, text);
                if (name.equals(field) && found.isEmpty()) {
                    found = Optional.of(value);
                }
            }
            return p.nextToken() == null ? found : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The text of the value at the parser's current token, leaving the parser on its last token. */
    private static String currentValue(JsonParser p, String text) throws IOException {
        int start = (int) p.currentTokenLocation().getCharOffset();
        if (p.currentToken().isStructStart()) {
            p.skipChildren();
        } else {
            p.finishToken();
        }
        int end = (int) p.currentLocation().getCharOffset();
        return text.substring(start, end);
    }
}
