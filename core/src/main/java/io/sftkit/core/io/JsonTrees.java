package io.sftkit.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * Reads one JSON document into a tree straight from Jackson's streaming parser: the tree
 * {@link Json#TREE_READER} builds, without databind's per-document set-up, which costs about
 * as much as building a small record's tree. For well-formed input only: a caller that gets
 * an exception reads the document again with {@link Json#TREE_READER}, whose messages are
 * the ones users see.
 */
final class JsonTrees {

    private static final JsonNodeFactory NODES = Json.MAPPER.getNodeFactory();

    private JsonTrees() {}

    /** The document in {@code utf8}; a later duplicate key replaces the earlier value, as databind does. */
    static JsonNode read(byte[] utf8) throws IOException {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(utf8)) {
            JsonNode root = value(p, p.nextToken());
            if (p.nextToken() != null) {
                throw new IOException("trailing tokens");
            }
            return root;
        }
    }

    private static JsonNode value(JsonParser p, JsonToken first) throws IOException {
        if (first == null) {
            throw new IOException("no content");
        }
        if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
            return scalar(p, first);
        }
        ArrayDeque<JsonNode> open = new ArrayDeque<>();
        JsonNode root = container(first);
        open.push(root);
        String name = null;
        while (!open.isEmpty()) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IOException("unexpected end of input");
            }
            JsonNode parent = open.peek();
            switch (t) {
                case FIELD_NAME -> name = p.currentName();
                case END_OBJECT, END_ARRAY -> open.pop();
                default -> {
                    JsonNode child = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY ? container(t) : scalar(p, t);
                    if (parent instanceof ObjectNode object) {
                        object.replace(name, child);
                    } else {
                        ((ArrayNode) parent).add(child);
                    }
                    if (child.isContainerNode()) {
                        open.push(child);
                    }
                }
            }
        }
        return root;
    }

    private static JsonNode container(JsonToken start) {
        return start == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
    }

    private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            // USE_BIG_DECIMAL_FOR_FLOATS, as Json.MAPPER reads them
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IOException("unexpected " + t);
        };
    }
}
