package io.sftkit.core.io;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sftkit.core.DataException;
import io.sftkit.core.IoFailure;
import io.sftkit.core.Location;
import io.sftkit.core.Message;
import io.sftkit.core.RoleNames;
import io.sftkit.core.Sample;
import io.sftkit.core.UsageException;
import io.sftkit.spi.Container;
import io.sftkit.spi.DecodeContext;
import io.sftkit.spi.FormatRegistry;
import io.sftkit.spi.InputFile;
import io.sftkit.spi.Provided;
import io.sftkit.spi.RecordReader;
import io.sftkit.spi.Shape;
import io.sftkit.spi.SourceRecord;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.ZipException;

/**
 * Reads a dataset file as canonical samples, one at a time: the container follows the
 * file's extension (or is named), the shape is named or detected from the first records.
 *
 * <p>Every record is checked the same way whatever the container: a record holding text
 * UTF-8 cannot encode ({@link UnpairedSurrogates}) is bad data, and so is one of another
 * format than the one detected (the file mixes formats).
 *
 * <p>Records are read and decoded ahead, on a thread of its own, into a bounded
 * {@link Handoff}, so that decoding runs beside what the caller does with the samples; what
 * {@link #next()} hands out, errors included, comes in the file's order as before.
 */
public final class DatasetReader implements Closeable {

    /** How many leading good records shape detection looks at. */
    static final int DETECT_RECORDS = 5;
    /** How many records detection reads at most to find them, bad ones included. */
    static final int DETECT_ATTEMPTS = 1000;

    private final FormatRegistry registry;
    private final Path file;
    private final Container container;
    private final RecordReader records;
    private final Shape shape;
    private final boolean detected;
    private final RoleNames roles;
    private final Deque<Read> buffered;
    private final InputFile input;
    private final long size;
    /** Records handed out or rejected so far; read by a progress display on another thread. */
    private volatile long recordsRead;
    private final Handoff<Decoded> decoded = new Handoff<>();
    private Thread decoding;
    /** Set on the decoding thread once the container cannot go on. */
    private boolean ended;

    /** A record read ahead for detection, or the error reading it gave. */
    private record Read(SourceRecord record, DataException error, boolean canContinue) {}

    /** A read record and its sample, or the error decoding it gave; or a record that could not be read. */
    private record Decoded(Read read, ReadSample sample, DataException error) {}

    private DatasetReader(FormatRegistry registry, Path file, Container container, RecordReader records, Shape shape,
            boolean detected, RoleNames roles, Deque<Read> buffered, InputFile input, long size) {
        this.registry = registry;
        this.file = file;
        this.container = container;
        this.records = records;
        this.shape = shape;
        this.detected = detected;
        this.roles = roles;
        this.buffered = buffered;
        this.input = input;
        this.size = size;
    }

    /**
     * Opens {@code file}.
     *
     * @param shapeId the shape to read as, or empty to detect it
     * @param containerId the container, or empty to follow the extension
     */
    public static DatasetReader open(FormatRegistry registry, Path file, Optional<String> shapeId,
            Optional<String> containerId, RoleNames roles) {
        requireNonNull(registry, "registry is null");
        requireNonNull(file, "file is null");
        requireNonNull(roles, "roles is null");
        if (!Files.exists(file)) {
            throw new UsageException(file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(file + " is a directory; name a dataset file");
        }
        Container container = containerId.map(registry::container).orElseGet(() -> registry.containerFor(file));
        Shape named = shapeId.map(registry::shape).orElse(null);
        InputFile input = InputFile.of(file);
        long size;
        RecordReader records;
        try {
            size = Files.size(file);
            records = container.open(input);
        } catch (ZipException | EOFException e) {
            throw corruptCompression(file, e);
        } catch (IOException e) {
            throw new IoFailure(file, "read", e);
        }
        try {
            Deque<Read> buffered = new ArrayDeque<>();
            Shape shape = named != null ? named : detect(registry, file, records, buffered);
            return new DatasetReader(registry, file, container, records, shape, named == null, roles, buffered, input,
                    size);
        } catch (RuntimeException e) {
            closeQuietly(records);
            throw e;
        }
    }

    /** The shape of the first good records, keeping what was read (errors too) to hand out later. */
    private static Shape detect(FormatRegistry registry, Path file, RecordReader records, Deque<Read> buffered) {
        int good = 0;
        for (int i = 0; i < DETECT_ATTEMPTS && good < DETECT_RECORDS; i++) {
            Read read = readOne(records, file);
            if (read == null) {
                break;
            }
            buffered.add(read);
            if (read.record() != null) {
                good++;
            } else if (!read.canContinue()) {
                break;
            }
        }
        List<ObjectNode> first = buffered.stream().filter(r -> r.record() != null).map(r -> r.record().fields()).toList();
        return first.isEmpty() ? registry.shape(CanonicalShape.ID) : registry.detect(first, file.toString());
    }

    /** A .gz file that is corrupt or cut short: the data is bad, not the disk. */
    private static DataException corruptCompression(Path file, IOException e) {
        return new DataException(Location.of(file.toString()), "", "the compressed file is corrupt or cut short ("
                + e.getMessage() + ")", "compress the data again, or copy the file again if the copy was cut short", e);
    }

    private static void closeQuietly(RecordReader r) {
        try {
            r.close();
        } catch (IOException ignored) {
            // already failing
        }
    }

    public Shape shape() {
        return shape;
    }

    public Container container() {
        return container;
    }

    public Path file() {
        return file;
    }

    /** The file's size in bytes, as it was opened. */
    public long size() {
        return size;
    }

    /**
     * Bytes of the file read so far (compressed bytes of a {@code .gz}), for progress: 0
     * throughout for a container that does not read through {@link InputFile#openStream()}.
     * Reading runs ahead of the samples handed out, by a few megabytes at most.
     */
    public long bytesRead() {
        return input.bytesRead().sum();
    }

    /** Records handed out by {@link #next()} or rejected so far. */
    public long recordsRead() {
        return recordsRead;
    }

    /**
     * The next sample, or empty at the end.
     *
     * @throws DataException when the next record is malformed or does not fit the shape
     */
    public Optional<ReadSample> next() {
        return nextSample(null);
    }

    /**
     * The next good sample, or empty at the end; each bad record before it is handed to
     * {@code rejected}, for {@code --on-error skip}.
     *
     * @throws DataException for a bad record the container cannot read past (see
     *     {@link RecordReader#canContinue()}): the records after it cannot be read or counted
     */
    public Optional<ReadSample> next(Consumer<Rejection> rejected) {
        return nextSample(requireNonNull(rejected, "rejected is null"));
    }

    /** @param rejected where bad records go, or null to fail on the first */
    private Optional<ReadSample> nextSample(Consumer<Rejection> rejected) {
        if (decoding == null) {
            decoding = decoded.produceOn("sftkit-decode", this::decodeNext);
        }
        while (true) {
            Decoded next = decoded.take();
            if (next == null) {
                Throwable failure = decoded.failure();
                if (failure instanceof RuntimeException e) {
                    throw e;
                }
                if (failure instanceof Error e) {
                    throw e;
                }
                if (failure != null) {
                    throw new IllegalStateException(failure);
                }
                return Optional.empty();
            }
            recordsRead++;
            Read read = next.read();
            if (read.error() != null) {
                if (rejected == null) {
                    throw read.error();
                }
                if (!read.canContinue()) {
                    DataException e = read.error();
                    throw new DataException(e.location(), e.field(), e.problem() + "; the rest of the file cannot be"
                            + " read, so --on-error skip cannot go past it", e.fix(), e, e.raw());
                }
                rejected.accept(Rejection.unreadable(read.error()));
                continue;
            }
            if (next.error() == null) {
                return Optional.of(next.sample());
            }
            if (rejected == null) {
                throw next.error();
            }
            rejected.accept(Rejection.undecodable(next.error(), read.record()));
        }
    }

    /** Runs on the decoding thread: the next record decoded, weighing its text; null at the end. */
    private Handoff.Produced<Decoded> decodeNext() {
        Read read = ended ? null : read();
        if (read == null) {
            return null;
        }
        if (read.error() != null) {
            ended = !read.canContinue();
            return new Handoff.Produced<>(new Decoded(read, null, null), 0);
        }
        SourceRecord record = read.record();
        try {
            Sample sample = decode(record);
            return new Handoff.Produced<>(new Decoded(read, new ReadSample(sample, record), null), weight(sample));
        } catch (DataException e) {
            return new Handoff.Produced<>(new Decoded(read, null, e), Json.textWeight(record.fields()));
        }
    }

    /**
     * Roughly the memory a decoded record holds while it waits: its sample's text, twice, as
     * the record it came from holds the same text; worked out from the sample's few messages
     * rather than by walking the record again.
     */
    private static long weight(Sample sample) {
        long text = sample.tools().map(Json::textWeight).orElse(0L);
        for (Message m : sample.messages()) {
            text += weight(m);
        }
        if (sample.preference().isPresent()) {
            text += weight(sample.preference().get().chosen()) + weight(sample.preference().get().rejected());
        }
        return 2 * text;
    }

    private static long weight(Message message) {
        long text = 16 + message.content().length();
        for (JsonNode extra : message.extras().values()) {
            text += Json.textWeight(extra);
        }
        return text;
    }

    /** The next record or error, or null at the end. */
    private Read read() {
        return buffered.isEmpty() ? readOne(records, file) : buffered.poll();
    }

    private static Read readOne(RecordReader records, Path file) {
        try {
            return records.read().map(r -> new Read(r, null, true)).orElse(null);
        } catch (DataException e) {
            return new Read(null, e, records.canContinue());
        } catch (ZipException | EOFException e) {
            return new Read(null, corruptCompression(file, e), false);
        } catch (IOException e) {
            throw new IoFailure(file, "read", e);
        }
    }

    private Sample decode(SourceRecord record) {
        Optional<String> unpaired = record.surrogatesChecked() ? Optional.empty() : UnpairedSurrogates.find(record.fields());
        if (unpaired.isPresent()) {
            throw new DataException(record.location(), unpaired.get(), UnpairedSurrogates.PROBLEM, UnpairedSurrogates.FIX,
                    null, record.raw());
        }
        try {
            return shape.decode(record.fields(), new DecodeContext(record.location(), roles));
        } catch (DataException e) {
            Optional<Shape> other = detected ? otherShapeClaiming(record.fields()) : Optional.empty();
            if (other.isEmpty()) {
                throw e;
            }
            throw new DataException(record.location(), "", "the file mixes formats: the first records are "
                    + shape.id() + ", this one looks like " + other.get().id() + " (as " + shape.id() + ": "
                    + (e.field().isEmpty() ? "" : "field '" + e.field() + "': ") + e.problem() + ")",
                    "split the file by format, or read one format with --from and leave out the others with"
                            + " --on-error skip", e, record.raw());
        }
    }

    /** The shape that claims a record the detected shape does not, if any. */
    private Optional<Shape> otherShapeClaiming(ObjectNode fields) {
        if (shape.detect(fields) > 0) {
            return Optional.empty();
        }
        Shape best = null;
        int bestScore = 0;
        for (Provided<Shape> p : registry.shapes()) {
            int score = p.provider().detect(fields);
            if (score > bestScore && !p.id().equals(shape.id())) {
                best = p.provider();
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public void close() {
        if (decoding != null) {
            decoded.stop(decoding);
        }
        try {
            records.close();
        } catch (IOException e) {
            throw new IoFailure(file, "close", e);
        }
    }
}
