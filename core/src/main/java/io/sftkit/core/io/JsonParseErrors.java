package io.sftkit.core.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.sftkit.core.DataException;
import io.sftkit.core.Location;
import java.util.Optional;

/**
 * Turns Jackson's parse errors into located, one-line {@link DataException}s: syntax errors,
 * invalid UTF-8, and the {@link ReadLimits} with the option that raises each.
 */
final class JsonParseErrors {

    /** What JSON text that is not UTF-8 is told to do, in every container. */
    static final String REENCODE = "re-encode the file as UTF-8 (e.g. iconv -f LATIN1 -t UTF-8)";

    private static final String REDACTED = "[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ";

    private JsonParseErrors() {}

    /**
     * @param source file name
     * @param line line of the record when the container knows it (JSON Lines), else 0 to use Jackson's
     * @param record 1-based record index
     * @param raw the record's text, when the container knows it
     */
    static DataException of(JsonProcessingException e, String source, long line, long record, Optional<String> raw) {
        return of(e, null, source, line, record, raw);
    }

    /**
     * @param where where the parser is, for errors that carry no location of their own (the
     *     read limits'); null when the container gives the line itself
     */
    static DataException of(JsonProcessingException e, JsonLocation where, String source, long line, long record,
            Optional<String> raw) {
        JsonLocation loc = e.getLocation() != null ? e.getLocation() : where;
        long l = line;
        long col = 0;
        if (loc != null) {
            col = Math.max(0, loc.getColumnNr());
            if (l == 0) {
                l = Math.max(0, loc.getLineNr());
            }
        }
        String message = firstLine(e.getOriginalMessage());
        Location location = new Location(source, l, col, record);
        if (e instanceof StreamConstraintsException) {
            return limit(location, message, e, raw);
        }
        if (message.startsWith("Invalid UTF-8")) {
            return new DataException(location, "", "invalid UTF-8 bytes (" + message + ")", REENCODE, e, raw);
        }
        return new DataException(location, "", "malformed JSON: " + message, "fix the JSON syntax at that position", e, raw);
    }

    /**
     * A number Jackson reads but Java's {@code BigDecimal} cannot hold (an exponent beyond
     * about two billion), which sftkit keeps exactly.
     */
    static DataException badNumber(NumberFormatException e, Location location, Optional<String> raw) {
        return new DataException(location, "", numberOutOfRange(e), "write the number as a string, or with a smaller exponent",
                e, raw);
    }

    /** What is wrong with a number {@link #badNumber} tells of. */
    static String numberOutOfRange(NumberFormatException e) {
        return "a number out of range (" + firstLine(e.getMessage()) + ")";
    }

    /** A {@link ReadLimits} limit exceeded, named with the option that raises it. */
    private static DataException limit(Location location, String message, Exception e, Optional<String> raw) {
        ReadLimits limits = ReadLimits.current();
        String problem;
        String fix;
        if (message.startsWith("Document nesting depth")) {
            problem = "nested deeper than the limit of " + limits.depth() + " levels";
            fix = "flatten the record, or raise the limit with --limit depth=N";
        } else if (message.startsWith("String value length")) {
            problem = "a string longer than the limit of " + limits.string() + " characters";
            fix = "shorten it, or raise the limit with --limit string=N";
        } else if (message.startsWith("Number value length")) {
            problem = "a number longer than the limit of " + limits.number() + " digits";
            fix = "write it as a string, or raise the limit with --limit number=N";
        } else {
            problem = "too large: " + message;
            fix = "shorten the record";
        }
        return new DataException(location, "", problem, fix, e, raw);
    }

    /** Jackson's message of {@code e} on one line, without its note that the source is not shown. */
    static String describe(JsonProcessingException e) {
        return firstLine(e.getOriginalMessage());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown parse error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).replace(REDACTED, "[");
    }
}
