package io.sftkit.core.io;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sftkit.core.IoFailure;
import io.sftkit.core.Sample;
import io.sftkit.core.UsageException;
import io.sftkit.spi.FileSet;
import io.sftkit.spi.RecordWriter;
import io.sftkit.spi.SampleRefusedException;
import io.sftkit.spi.Shape;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes one split's samples into files of at most {@code maxRowsPerFile} rows, named as
 * the HuggingFace Hub names shards: {@code train-00000-of-00003.parquet}. A dataset card
 * then selects them with {@code data/train-*}.
 *
 * <p>The number of shards is known only at the end, so every shard is written under a
 * temporary name and all are renamed on {@link #commit()}: until then no file with a
 * shard name appears. Committing also removes shards of the same split left by an earlier
 * run with another count, which the {@code train-*} pattern would otherwise pick up.
 */
public final class ShardedDatasetWriter implements Closeable {

    private static final Pattern SPLIT = Pattern.compile("\\w+(\\.\\w+)*");

    private final Path dir;
    private final String split;
    private final String extension;
    private final Shape shape;
    private final FileSet files;
    private final long maxRowsPerFile;
    private final Set<Path> stale;
    private final List<AtomicFile> shards = new ArrayList<>();
    private RecordWriter current;
    private long inCurrent;
    private long written;
    private boolean finished;

    private ShardedDatasetWriter(Path dir, String split, String extension, Shape shape, FileSet files,
            long maxRowsPerFile, Set<Path> stale) {
        this.dir = dir;
        this.split = split;
        this.extension = extension;
        this.shape = shape;
        this.files = files;
        this.maxRowsPerFile = maxRowsPerFile;
        this.stale = stale;
    }

    /**
     * Starts the shards of {@code split} in {@code dir}; the first one at once, so a split with
     * no samples still gets one (empty) file.
     *
     * @param split the split name, e.g. {@code train}; word characters and dots, as the Hub allows
     * @param extension the shards' file name extension, without the dot
     * @param files the set the shards belong to, with the other splits of an export
     * @param overwrite whether shards of this split already in {@code dir} may be replaced
     * @throws UsageException for a bad split name or row limit, or existing shards without {@code overwrite}
     */
    public static ShardedDatasetWriter create(Path dir, String split, String extension, Shape shape, FileSet files,
            long maxRowsPerFile, boolean overwrite) {
        requireNonNull(dir, "dir is null");
        requireNonNull(split, "split is null");
        requireNonNull(extension, "extension is null");
        requireNonNull(shape, "shape is null");
        requireNonNull(files, "files is null");
        if (!SPLIT.matcher(split).matches()) {
            throw new UsageException("split name '" + split + "' is not usable in shard names; use letters, digits, _ and .");
        }
        if (maxRowsPerFile < 1) {
            throw new UsageException("the maximum rows per file must be at least 1, not " + maxRowsPerFile);
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException(dir + " is a file; name a folder for the shards");
        }
        Set<Path> existing = existingShards(dir, split, extension);
        if (!existing.isEmpty() && !overwrite) {
            throw new UsageException(dir + " already holds " + split + " shards (" + existing.iterator().next().getFileName()
                    + (existing.size() > 1 ? " and " + (existing.size() - 1) + " more" : "") + "); use --force to replace them");
        }
        ShardedDatasetWriter writer = new ShardedDatasetWriter(dir.toAbsolutePath(), split, extension, shape, files,
                maxRowsPerFile, existing);
        try {
            writer.startShard();
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
        return writer;
    }

    /** The file name of shard {@code index} (from 0) of {@code count}. */
    public static String shardName(String split, int index, int count, String extension) {
        return String.format(Locale.ROOT, "%s-%05d-of-%05d.%s", split, index, count, extension);
    }

    private static Set<Path> existingShards(Path dir, String split, String extension) {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        Pattern shard = Pattern.compile(Pattern.quote(split) + "-\\d{5,}-of-\\d{5,}\\." + Pattern.quote(extension));
        try (Stream<Path> files = Files.list(dir)) {
            Set<Path> found = new HashSet<>();
            files.filter(p -> shard.matcher(p.getFileName().toString()).matches())
                    .forEach(p -> found.add(p.toAbsolutePath()));
            return found;
        } catch (IOException e) {
            throw new IoFailure(dir, "list", e);
        }
    }

    /**
     * Encodes and writes one sample, starting a new shard when the current one is full.
     *
     * @return the record written
     * @throws SampleRefusedException when the shape or container cannot express the sample; nothing is written for it
     */
    public ObjectNode write(Sample sample) {
        if (finished) {
            throw new IllegalStateException("already committed or closed");
        }
        ObjectNode record = shape.encode(sample);
        UnpairedSurrogates.refuseIn(record, shape.id(), sample);
        if (inCurrent == maxRowsPerFile) {
            finishShard();
            startShard();
        }
        try {
            current.write(record);
        } catch (IOException e) {
            throw new IoFailure(shards.get(shards.size() - 1).target(), "write", e);
        }
        inCurrent++;
        written++;
        return record;
    }

    public long written() {
        return written;
    }

    /** Completes the last shard at its temporary path; {@link #commit()} then names them all. */
    public void finish() {
        if (finished) {
            throw new IllegalStateException("already committed or closed");
        }
        if (current != null) {
            finishShard();
        }
    }

    /**
     * Finishes the last shard, unless {@link #finish()} did, gives every shard its final name
     * and removes shards of an earlier run that are not among them.
     *
     * @return the shard files, in order
     */
    public List<Path> commit() {
        finish();
        finished = true;
        List<Path> names = new ArrayList<>(shards.size());
        for (int i = 0; i < shards.size(); i++) {
            Path name = dir.resolve(shardName(split, i, shards.size(), extension));
            shards.get(i).commitAs(name);
            names.add(name);
        }
        for (Path old : stale) {
            if (!names.contains(old)) {
                try {
                    Files.deleteIfExists(old);
                } catch (IOException e) {
                    throw new IoFailure(old, "remove the old shard", e);
                }
            }
        }
        return names;
    }

    private void startShard() {
        AtomicFile file = AtomicFile.begin(dir.resolve(split + "-" + shards.size() + "." + extension), true);
        shards.add(file);
        try {
            current = files.create(file.temp());
        } catch (IOException e) {
            throw new IoFailure(file.target(), "create", e);
        }
        inCurrent = 0;
    }

    private void finishShard() {
        RecordWriter done = current;
        current = null;
        try {
            done.close();
        } catch (IOException e) {
            throw new IoFailure(shards.get(shards.size() - 1).target(), "write", e);
        }
    }

    /** Removes every shard not committed; after a successful {@link #commit()} it does nothing. */
    @Override
    public void close() {
        finished = true;
        if (current != null) {
            try {
                current.close();
            } catch (IOException | RuntimeException ignored) {
                // the partial shard is removed below
            }
            current = null;
        }
        shards.forEach(AtomicFile::close);
    }
}
