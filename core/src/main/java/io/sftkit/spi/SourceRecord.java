package io.sftkit.spi;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sftkit.core.Location;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One record as a container read it: its fields, where it starts, and its text as the input
 * holds it, when the container knows it (a JSON Lines line), so that a rejects file can show
 * it exactly. A value class with the accessors a record would have; a container may hand the
 * text over {@link #withRawText lazily}, to be made only when an error needs it.
 */
public final class SourceRecord {

    private final ObjectNode fields;
    private final Location location;
    private Supplier<String> rawText;
    private Optional<String> raw;
    private boolean surrogatesChecked;

    /**
     * @param fields the record's columns
     * @param location where it starts
     * @param raw the record's text as the input holds it, when the container knows it
     */
    public SourceRecord(ObjectNode fields, Location location, Optional<String> raw) {
        this.fields = requireNonNull(fields, "fields is null");
        this.location = requireNonNull(location, "location is null");
        this.raw = requireNonNull(raw, "raw is null");
    }

    /** A record whose text the container does not keep. */
    public SourceRecord(ObjectNode fields, Location location) {
        this(fields, location, Optional.empty());
    }

    /** A record whose text {@code text} makes when {@link #raw()} is first called, e.g. by decoding its bytes. */
    public static SourceRecord withRawText(ObjectNode fields, Location location, Supplier<String> text) {
        SourceRecord record = new SourceRecord(fields, location, Optional.empty());
        record.raw = null;
        record.rawText = requireNonNull(text, "text is null");
        return record;
    }

    /**
     * As {@link #withRawText}, for a record whose container has made sure that none of its
     * names or text holds half a surrogate pair (JSON read from well-formed UTF-8 holding no
     * {@code \\u} escape of a surrogate, say), so that readers need not look again.
     */
    public static SourceRecord checkedForSurrogates(ObjectNode fields, Location location, Supplier<String> text) {
        SourceRecord record = withRawText(fields, location, text);
        record.surrogatesChecked = true;
        return record;
    }

    /** Whether the container has made sure that no name or text here holds half a surrogate pair. */
    public boolean surrogatesChecked() {
        return surrogatesChecked;
    }

    public ObjectNode fields() {
        return fields;
    }

    public Location location() {
        return location;
    }

    /** The record's text as the input holds it, when the container knows it. */
    public synchronized Optional<String> raw() {
        if (raw == null) {
            raw = Optional.of(rawText.get());
            rawText = null;
        }
        return raw;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceRecord r && fields.equals(r.fields) && location.equals(r.location) && raw().equals(r.raw());
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields, location);
    }

    @Override
    public String toString() {
        return "SourceRecord[fields=" + fields + ", location=" + location + ", raw=" + raw() + "]";
    }
}
