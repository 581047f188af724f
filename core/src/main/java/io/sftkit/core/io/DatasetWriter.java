package io.sftkit.core.io;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sftkit.core.IoFailure;
import io.sftkit.core.Sample;
import io.sftkit.spi.Container;
import io.sftkit.spi.FileSet;
import io.sftkit.spi.RecordWriter;
import io.sftkit.spi.SampleRefusedException;
import io.sftkit.spi.Shape;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes canonical samples to a file in a shape and container. Nothing appears at the
 * target path until {@link #commit()}; closing without committing removes the partial file.
 * A file of a {@link FileSet} is {@linkplain #finish() finished} first, so that the set can
 * complete its files before any is moved into place.
 */
public final class DatasetWriter implements Closeable {

    private final AtomicFile file;
    private final Shape shape;
    private final RecordWriter records;
    private long written;
    private boolean complete;
    private boolean finished;

    private DatasetWriter(AtomicFile file, Shape shape, RecordWriter records) {
        this.file = file;
        this.shape = shape;
        this.records = records;
    }

    public static DatasetWriter create(Path target, Shape shape, Container container, boolean overwrite) {
        requireNonNull(shape, "shape is null");
        requireNonNull(container, "container is null");
        return create(target, shape, file -> container.create(file, shape), overwrite);
    }

    /** A file of {@code files}, which writes records of {@code shape}. */
    public static DatasetWriter create(Path target, Shape shape, FileSet files, boolean overwrite) {
        requireNonNull(shape, "shape is null");
        requireNonNull(files, "files is null");
        AtomicFile file = AtomicFile.begin(target, overwrite);
        try {
            return new DatasetWriter(file, shape, files.create(file.temp()));
        } catch (IOException e) {
            file.close();
            throw new IoFailure(target, "create", e);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /**
     * Encodes and writes one sample.
     *
     * @return the record written, e.g. for {@link io.sftkit.spi.ExportLayout.Builder#observe}
     * @throws SampleRefusedException when the shape cannot express the sample, or its text cannot be
     *     encoded as UTF-8; nothing is written for it
     */
    public ObjectNode write(Sample sample) {
        ObjectNode record = shape.encode(sample);
        UnpairedSurrogates.refuseIn(record, shape.id(), sample);
        try {
            records.write(record);
        } catch (IOException e) {
            throw new IoFailure(file.target(), "write", e);
        }
        written++;
        return record;
    }

    public long written() {
        return written;
    }

    public Path target() {
        return file.target();
    }

    /**
     * Completes the file at its temporary path. When that fails (a full disk, say), the
     * temporary file is removed and the failure reported.
     */
    public void finish() {
        if (complete) {
            return;
        }
        complete = true;
        try {
            records.close();
        } catch (IOException e) {
            close();
            throw new IoFailure(file.target(), "write", e);
        }
    }

    /** Finishes the file, unless {@link #finish()} did, and moves it into place. */
    public void commit() {
        finish();
        finished = true;
        file.commit();
    }

    /** Removes the file unless it was committed. */
    @Override
    public void close() {
        if (!finished) {
            finished = true;
            if (complete) {
                file.close();
            } else {
                file.abandon(records);
            }
        }
    }
}
