package io.sftkit.framework.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sftkit.core.io.Json;
import io.sftkit.spi.Column;
import io.sftkit.spi.ColumnType;

/**
 * Column types as a dataset card's {@code dataset_info.features} declares them, in the form
 * HF datasets writes: {@code {name: system, dtype: string}},
 * {@code {name: history, list: {list: string}}}, a list of structs as {@code list:} with the
 * fields, a struct as {@code struct:} with them.
 */
final class HfFeatures {

    private HfFeatures() {}

    /** The features of a struct's fields (the card's, for the record): one entry per field. */
    static ArrayNode of(ColumnType.Struct struct) {
        ArrayNode fields = Json.MAPPER.createArrayNode();
        for (Column c : struct.fields()) {
            ObjectNode field = fields.addObject().put("name", c.name());
            if (c.type() instanceof ColumnType.Scalar s) {
                field.put("dtype", dtype(s));
            } else if (c.type() instanceof ColumnType.ListOf l) {
                field.set("list", element(l.element()));
            } else {
                field.set("struct", of((ColumnType.Struct) c.type()));
            }
        }
        return fields;
    }

    /** A list's element: a dtype alone, a nested {@code list:}, or a struct's fields. */
    private static JsonNode element(ColumnType type) {
        if (type instanceof ColumnType.Scalar s) {
            return TextNode.valueOf(dtype(s));
        }
        if (type instanceof ColumnType.ListOf l) {
            return Json.object().set("list", element(l.element()));
        }
        return of((ColumnType.Struct) type);
    }

    private static String dtype(ColumnType.Scalar scalar) {
        return switch (scalar) {
            case STRING, JSON_TEXT -> "string";
            case BOOLEAN -> "bool";
            case LONG -> "int64";
            case DOUBLE -> "float64";
        };
    }
}
