package io.sftkit.format.parquet.impl;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sftkit.core.io.Json;
import io.sftkit.spi.Column;
import io.sftkit.spi.ColumnType;
import io.sftkit.spi.RecordSchema;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Turns a shape's JSON records into Avro records of the schema {@link AvroSchemas} built,
 * and keeps track of the columns and struct fields the records use, for
 * {@link #usedSchema()}. The tree of value encoders is built once per file; every record is
 * new, since it is written out on another thread while the next ones are encoded.
 *
 * <p>In a struct with an extras field, a value that its declared field cannot hold as
 * written (another JSON type, a number a double would change) and a JSON {@code null} go
 * to the extras as JSON instead, so they come back as they were; without an extras field
 * the record is refused, and a {@code null} reads back as an absent key.
 */
final class RecordEncoder {

    private final Usage usage = new Usage();
    private final Schema avro;
    private final StructEncoder root;

    RecordEncoder(RecordSchema schema, Schema avro) {
        this.avro = avro;
        this.root = new StructEncoder(schema.row(), avro, usage);
    }

    /**
     * An Avro record and the characters of text it holds, a measure of the memory it takes.
     *
     * @param row the record
     * @param textChars the characters of its strings
     */
    record Encoded(GenericData.Record row, long textChars) {
        Encoded {
            requireNonNull(row, "row is null");
        }
    }

    /**
     * The Avro record for {@code record}.
     *
     * @throws Mismatch when a value does not fit its column; the record then counts for nothing in {@link #usedSchema()}
     */
    Encoded encode(ObjectNode record) {
        GenericData.Record row = new GenericData.Record(avro);
        usage.textChars = 0;
        try {
            root.fill(record, row);
        } catch (Mismatch m) {
            usage.rollBack(0);
            throw m;
        }
        usage.keep();
        return new Encoded(row, usage.textChars);
    }

    /**
     * The schema without the optional columns and struct fields in which no record encoded
     * so far held a value (at least one field of a struct stays: Parquet has no empty
     * groups). Records keep their names, so Avro resolves records encoded with the full
     * schema to it.
     */
    Schema usedSchema() {
        return root.used(avro);
    }

    private interface ValueEncoder {
        /** The Avro value for a non-null JSON value. */
        Object encode(JsonNode value);

        /** {@code full}, this encoder's schema, without what no value encoded so far used. */
        default Schema used(Schema full) {
            return full;
        }
    }

    private static ValueEncoder encoderFor(ColumnType type, Schema avro, Usage usage) {
        if (type instanceof ColumnType.Struct s) {
            return new StructEncoder(s, avro, usage);
        }
        if (type instanceof ColumnType.ListOf l) {
            return new ListEncoder(encoderFor(l.element(), avro.getElementType(), usage));
        }
        return switch ((ColumnType.Scalar) type) {
            case STRING -> value -> {
                if (!value.isTextual()) {
                    throw new Mismatch("expected a string, found " + kind(value));
                }
                return usage.text(value.textValue());
            };
            case BOOLEAN -> value -> {
                if (!value.isBoolean()) {
                    throw new Mismatch("expected true or false, found " + kind(value));
                }
                return value.booleanValue();
            };
            case LONG -> value -> {
                if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                    throw new Mismatch("expected a 64-bit integer, found " + kind(value));
                }
                long l = value.longValue();
                if (!sameNumber(RecordDecoder.longNode(l), value)) {
                    throw new Mismatch("the number " + value.asText() + " would not read back as the same JSON number");
                }
                return l;
            };
            case DOUBLE -> value -> {
                if (!value.isNumber()) {
                    throw new Mismatch("expected a number, found " + kind(value));
                }
                double d = value.doubleValue();
                if (!sameNumber(RecordDecoder.doubleNode(d), value)) {
                    throw new Mismatch("the number " + value.asText() + " would not read back as written from a"
                            + " 64-bit float");
                }
                return d;
            };
            case JSON_TEXT -> value -> usage.text(jsonText(value));
        };
    }

    /** Whether two numbers are written as the same JSON text (Jackson's node equality takes 1.50 for 1.5). */
    private static boolean sameNumber(JsonNode read, JsonNode written) {
        return read.getClass() == written.getClass() && read.numberValue().equals(written.numberValue());
    }

    private static String jsonText(JsonNode value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String kind(JsonNode value) {
        if (value.isNumber()) {
            return "the number " + value.asText();
        }
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case BOOLEAN -> value.asText();
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private record ListEncoder(ValueEncoder element) implements ValueEncoder {
        @Override
        public Object encode(JsonNode value) {
            if (!value.isArray()) {
                throw new Mismatch("expected an array, found " + kind(value));
            }
            List<Object> out = new ArrayList<>(value.size());
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (item.isNull()) {
                    throw new Mismatch("null in a list").atIndex(i);
                }
                try {
                    out.add(element.encode(item));
                } catch (Mismatch m) {
                    throw m.atIndex(i);
                }
            }
            return out;
        }

        @Override
        public Schema used(Schema full) {
            return Schema.createArray(element.used(full.getElementType()));
        }
    }

    private static final class StructEncoder implements ValueEncoder {
        private final Schema schema;
        private final Usage usage;
        private final Field[] fields;
        private final Map<String, Field> byName = new HashMap<>();
        /** Position of the field that takes the other keys, or -1 when other keys are refused. */
        private final int extrasPos;
        private final Mark extrasUsed = new Mark();

        StructEncoder(ColumnType.Struct struct, Schema avro, Usage usage) {
            this.schema = avro;
            this.usage = usage;
            String extrasName = struct.extrasField().orElse(null);
            List<Field> declared = new ArrayList<>();
            int extras = -1;
            for (Column c : struct.fields()) {
                Schema.Field f = avro.getField(c.name());
                if (c.name().equals(extrasName)) {
                    extras = f.pos();
                    continue;
                }
                Field field = new Field(c.name(), f.pos(), c.required(), encoderFor(c.type(), nonNull(f.schema()), usage));
                declared.add(field);
                byName.put(c.name(), field);
            }
            this.fields = declared.toArray(new Field[0]);
            this.extrasPos = extras;
        }

        @Override
        public Object encode(JsonNode value) {
            if (!value.isObject()) {
                throw new Mismatch("expected an object, found " + kind(value));
            }
            GenericData.Record record = new GenericData.Record(schema);
            fill((ObjectNode) value, record);
            return record;
        }

        void fill(ObjectNode object, GenericData.Record record) {
            ObjectNode others = null;
            for (Field f : fields) {
                JsonNode value = object.get(f.name);
                Object encoded = null;
                if (value != null && !value.isNull()) {
                    int savepoint = usage.savepoint();
                    try {
                        encoded = f.encoder.encode(value);
                        usage.mark(f.used);
                    } catch (Mismatch m) {
                        if (f.required || extrasPos < 0) {
                            throw m.inField(f.name);
                        }
                        usage.rollBack(savepoint);
                        others = with(others, f.name, value);
                    }
                } else if (f.required) {
                    throw new Mismatch((value == null ? "missing" : "null") + ", and the column is required").inField(f.name);
                } else if (value != null && extrasPos >= 0) {
                    others = with(others, f.name, value);
                }
                record.put(f.pos, encoded);
            }
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                if (byName.containsKey(e.getKey())) {
                    continue;
                }
                if (extrasPos < 0) {
                    throw new Mismatch("no column for this key in the shape's schema").inField(e.getKey());
                }
                others = with(others, e.getKey(), e.getValue());
            }
            if (extrasPos >= 0) {
                if (others != null) {
                    usage.mark(extrasUsed);
                }
                record.put(extrasPos, others == null ? null : usage.text(jsonText(others)));
            }
        }

        private static ObjectNode with(ObjectNode others, String key, JsonNode value) {
            ObjectNode out = others == null ? Json.object() : others;
            out.set(key, value);
            return out;
        }

        @Override
        public Schema used(Schema full) {
            List<Schema.Field> kept = new ArrayList<>();
            for (Schema.Field f : full.getFields()) {
                Field field = byName.get(f.name());
                if (field == null ? extrasUsed.used : field.required || field.used.used) {
                    kept.add(copy(f, field == null ? f.schema() : usedType(field.encoder, f.schema())));
                }
            }
            if (kept.isEmpty()) {
                Schema.Field first = full.getFields().get(0);
                kept.add(copy(first, first.schema()));
            }
            Schema used = Schema.createRecord(full.getName(), full.getDoc(), full.getNamespace(), full.isError(), kept);
            full.getObjectProps().forEach((key, value) -> {
                if (!key.equals(AvroSchemas.EXTRAS) || extrasUsed.used) {
                    used.addProp(key, value);
                }
            });
            return used;
        }

        private static Schema usedType(ValueEncoder encoder, Schema fieldSchema) {
            if (fieldSchema.getType() != Schema.Type.UNION) {
                return encoder.used(fieldSchema);
            }
            List<Schema> branches = new ArrayList<>();
            for (Schema branch : fieldSchema.getTypes()) {
                branches.add(branch.getType() == Schema.Type.NULL ? branch : encoder.used(branch));
            }
            return Schema.createUnion(branches);
        }

        private static Schema.Field copy(Schema.Field f, Schema schema) {
            return new Schema.Field(f.name(), schema, f.doc(), f.defaultVal());
        }
    }

    private static final class Field {
        final String name;
        final int pos;
        final boolean required;
        final ValueEncoder encoder;
        final Mark used = new Mark();

        Field(String name, int pos, boolean required, ValueEncoder encoder) {
            this.name = name;
            this.pos = pos;
            this.required = required;
            this.encoder = encoder;
        }
    }

    /** Whether some record held a value in a field. */
    private static final class Mark {
        boolean used;
    }

    /**
     * The marks set while encoding the current record, so that a value that turns out not to
     * fit, or a refused record, takes back the marks it set. After the first records almost
     * every field is marked already and the list stays empty. Also counts the record's text.
     */
    private static final class Usage {
        private final List<Mark> fresh = new ArrayList<>();
        long textChars;

        String text(String s) {
            textChars += s.length();
            return s;
        }

        void mark(Mark mark) {
            if (!mark.used) {
                mark.used = true;
                fresh.add(mark);
            }
        }

        int savepoint() {
            return fresh.size();
        }

        void rollBack(int savepoint) {
            while (fresh.size() > savepoint) {
                fresh.remove(fresh.size() - 1).used = false;
            }
        }

        void keep() {
            fresh.clear();
        }
    }

    /** The non-null branch of an optional value's union; other schemas as they are. */
    static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        for (Schema branch : schema.getTypes()) {
            if (branch.getType() != Schema.Type.NULL) {
                return branch;
            }
        }
        return schema;
    }
}
