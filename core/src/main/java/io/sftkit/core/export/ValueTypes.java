package io.sftkit.core.export;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.sftkit.spi.Column;
import io.sftkit.spi.ColumnType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The types the values of JSON records have, as pyarrow and HF datasets infer them from a
 * JSON Lines file: one type per column and struct field, widened as records come (an
 * integer column that meets a decimal becomes a float one; a field seen in some objects
 * only is an optional field of the struct). Once two values of one column or field cannot
 * share a type (a string and a number, a list and an object) it has none, and so neither
 * have the records.
 *
 * <p>An export whose splits are loaded as one dataset declares the types of all its splits
 * together, so that a split lacking a column or a struct field that another has still loads
 * (the framework fills the missing ones with nulls).
 */
final class ValueTypes {

    /** A column's type so far. */
    private sealed interface Type permits Unknown, Scalar, ListOf, Struct, Conflict {}

    /** Only nulls so far. */
    private record Unknown() implements Type {}

    private record Scalar(ColumnType.Scalar type) implements Type {}

    private record ListOf(Type element) implements Type {}

    private record Struct(Map<String, Type> fields) implements Type {}

    /** Values that share no type. */
    private record Conflict() implements Type {}

    private static final Type UNKNOWN = new Unknown();
    private static final Type CONFLICT = new Conflict();
    private static final Map<ColumnType.Scalar, Type> SCALARS = Map.of(
            ColumnType.STRING, new Scalar(ColumnType.STRING),
            ColumnType.BOOLEAN, new Scalar(ColumnType.BOOLEAN),
            ColumnType.LONG, new Scalar(ColumnType.LONG),
            ColumnType.DOUBLE, new Scalar(ColumnType.DOUBLE));

    private Struct records = new Struct(Map.of());

    /** Widens the types with the values of one record. */
    void add(JsonNode record) {
        requireNonNull(record, "record is null");
        records = (Struct) merge(records, record);
    }

    /** The types of these records and those of {@code other}, as if one had seen both. */
    ValueTypes with(ValueTypes other) {
        ValueTypes both = new ValueTypes();
        both.records = (Struct) merge(records, other.records);
        return both;
    }

    /** The columns the records have, in the order first seen. */
    Set<String> columns() {
        return records.fields().keySet();
    }

    /**
     * The records' type: a struct of optional columns, each of the type every value of it
     * has. Empty when a column's values share no type, or an object had no keys (Arrow has no
     * empty structs). A column of nulls only is a string one, which holds them.
     */
    Optional<ColumnType.Struct> recordType() {
        return Optional.ofNullable(columnType(records)).map(ColumnType.Struct.class::cast);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueTypes other && records.equals(other.records);
    }

    @Override
    public int hashCode() {
        return records.hashCode();
    }

    /** {@code type} widened to hold {@code value} too. */
    private static Type merge(Type type, JsonNode value) {
        if (type instanceof Conflict || value.isNull() || value.isMissingNode()) {
            return type;
        }
        if (value.isArray()) {
            if (!(type instanceof Unknown || type instanceof ListOf)) {
                return CONFLICT;
            }
            Type element = type instanceof ListOf l ? l.element() : UNKNOWN;
            Type items = element;
            for (JsonNode item : value) {
                items = merge(items, item);
            }
            return items == element && type instanceof ListOf ? type : new ListOf(items);
        }
        if (value.isObject()) {
            if (!(type instanceof Unknown || type instanceof Struct)) {
                return CONFLICT;
            }
            Map<String, Type> known = type instanceof Struct s ? s.fields() : Map.of();
            Map<String, Type> widened = null;
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                Type was = known.get(e.getKey());
                Type now = merge(was == null ? UNKNOWN : was, e.getValue());
                if (now != was) {
                    widened = widened == null ? new LinkedHashMap<>(known) : widened;
                    widened.put(e.getKey(), now);
                }
            }
            if (widened != null) {
                return new Struct(Collections.unmodifiableMap(widened));
            }
            return type instanceof Struct ? type : new Struct(Map.of());
        }
        return merge(type, scalarOf(value));
    }

    private static Type scalarOf(JsonNode value) {
        if (value.isTextual()) {
            return SCALARS.get(ColumnType.STRING);
        }
        if (value.isBoolean()) {
            return SCALARS.get(ColumnType.BOOLEAN);
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return SCALARS.get(ColumnType.LONG);
        }
        return value.isNumber() ? SCALARS.get(ColumnType.DOUBLE) : CONFLICT;
    }

    /** The type both {@code a} and {@code b} values fit. */
    private static Type merge(Type a, Type b) {
        if (a.equals(b) || b instanceof Unknown) {
            return a;
        }
        if (a instanceof Unknown) {
            return b;
        }
        if (a instanceof Scalar x && b instanceof Scalar y) {
            boolean numbers = isNumber(x) && isNumber(y);
            return numbers ? SCALARS.get(ColumnType.DOUBLE) : CONFLICT;
        }
        if (a instanceof ListOf x && b instanceof ListOf y) {
            return new ListOf(merge(x.element(), y.element()));
        }
        if (a instanceof Struct x && b instanceof Struct y) {
            Map<String, Type> fields = new LinkedHashMap<>(x.fields());
            for (Map.Entry<String, Type> e : y.fields().entrySet()) {
                fields.put(e.getKey(), merge(fields.getOrDefault(e.getKey(), UNKNOWN), e.getValue()));
            }
            return new Struct(Collections.unmodifiableMap(fields));
        }
        return CONFLICT;
    }

    private static boolean isNumber(Scalar s) {
        return s.type() == ColumnType.LONG || s.type() == ColumnType.DOUBLE;
    }

    /** Null when there is no type. */
    private static ColumnType columnType(Type type) {
        if (type instanceof Unknown) {
            return ColumnType.STRING;
        }
        if (type instanceof Scalar s) {
            return s.type();
        }
        if (type instanceof ListOf l) {
            ColumnType element = columnType(l.element());
            return element == null ? null : ColumnType.list(element);
        }
        if (type instanceof Struct s && !s.fields().isEmpty()) {
            List<Column> columns = new ArrayList<>();
            for (Map.Entry<String, Type> e : s.fields().entrySet()) {
                ColumnType field = columnType(e.getValue());
                if (field == null) {
                    return null;
                }
                columns.add(Column.optional(e.getKey(), field));
            }
            return ColumnType.struct(columns.toArray(new Column[0]));
        }
        return null;
    }
}
