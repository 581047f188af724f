package io.sftkit.core.io;

import static java.util.Objects.requireNonNull;

import io.sftkit.core.IoFailure;
import io.sftkit.core.UsageException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A file written under a temporary name in its target folder and moved into place only
 * when complete, so a failed or interrupted run never leaves a half-written file at the
 * target path. Temporaries still open when the JVM shuts down (an error, Ctrl-C, SIGTERM)
 * are removed by a shutdown hook; after {@code kill -9} they stay, under hidden names
 * ({@code .NAME.<uuid>.sftkit-tmp}) that are never the target's.
 */
public final class AtomicFile implements AutoCloseable {

    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
    /** Folders made on the way to a file; removed again once empty when no file was committed in them. */
    private static final Set<Path> MADE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OPEN.forEach(AtomicFile::deleteQuietly);
            removeEmptyMadeFolders();
        }, "sftkit-temp-cleanup"));
    }

    private final Path target;
    private final Path temp;
    private boolean done;

    private AtomicFile(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /**
     * Starts a file at {@code target}.
     *
     * @param overwrite whether an existing file at the target may be replaced
     * @throws UsageException when the target exists and {@code overwrite} is false
     */
    public static AtomicFile begin(Path target, boolean overwrite) {
        requireNonNull(target, "target is null");
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new UsageException(target + " is a directory; name an output file");
        }
        if (!overwrite && Files.exists(absolute)) {
            throw new UsageException(target + " already exists; use --force to overwrite it");
        }
        Path dir = absolute.getParent();
        checkFolders(target, dir);
        try {
            makeFolders(dir);
            // createFile, not createTempFile: the finished file gets the user's umask, not mode 0600
            return new AtomicFile(absolute, register(Files.createFile(
                    dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".sftkit-tmp"))));
        } catch (AccessDeniedException e) {
            throw new IoFailure(target, "create", new AccessDeniedException(dir.toString(), null,
                    "no permission to create files in this folder"));
        } catch (IOException e) {
            throw new IoFailure(target, "create", e);
        }
    }

    /** Creates {@code dir} and the folders above it that are missing, noting which it made. */
    private static void makeFolders(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(p);
        }
        Files.createDirectories(dir);
        MADE.addAll(missing);
    }

    /** Removes the folders {@link #makeFolders} made that hold nothing, the deepest first. */
    private static void removeEmptyMadeFolders() {
        List<Path> deepestFirst = new ArrayList<>(MADE);
        deepestFirst.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path dir : deepestFirst) {
            try {
                Files.deleteIfExists(dir);
                MADE.remove(dir);
            } catch (IOException stillHoldsFiles) {
                // another file of this run is in it, or was committed there: the folder stays
            }
        }
    }

    /** A usage error when a folder on the way to {@code target} is a file. */
    private static void checkFolders(Path target, Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new UsageException("cannot write " + target + ": " + p + " is a file, not a folder");
                }
                return;
            }
        }
    }

    /**
     * A scratch file in {@code dir} that a writer needs besides its output (a spool, say),
     * removed when the JVM shuts down unless {@link #discard(Path)} removed it first.
     */
    static Path scratch(Path dir, String prefix, String suffix) throws IOException {
        return register(Files.createTempFile(dir, prefix, suffix));
    }

    /** Removes a {@link #scratch} file. */
    static void discard(Path scratch) throws IOException {
        try {
            Files.deleteIfExists(scratch);
        } finally {
            OPEN.remove(scratch);
        }
    }

    private static Path register(Path temp) {
        OPEN.add(temp);
        return temp;
    }

    /** Where to write the content. */
    public Path temp() {
        return temp;
    }

    public Path target() {
        return target;
    }

    /** Moves the complete temporary file into place. */
    public void commit() {
        commitAs(target);
    }

    /**
     * Moves the complete temporary file to {@code finalTarget} in the same folder instead,
     * for a file whose name is known only once it is complete (a shard named with the
     * number of shards, say).
     */
    public void commitAs(Path finalTarget) {
        requireNonNull(finalTarget, "finalTarget is null");
        if (done) {
            throw new IllegalStateException("already committed or abandoned: " + target);
        }
        Path destination = finalTarget.toAbsolutePath();
        try {
            try {
                Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, destination, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IoFailure(finalTarget, "move into place", e);
        } finally {
            done = true;
            OPEN.remove(temp);
        }
        for (Path dir = destination.getParent(); dir != null; dir = dir.getParent()) {
            MADE.remove(dir); // a finished file is in it: it stays
        }
    }

    /**
     * Closes what was writing the temporary file, then moves the file into place; when
     * closing fails (a full disk, say), the temporary file is removed and the failure reported.
     */
    public void commit(Closeable content) {
        try {
            content.close();
        } catch (IOException e) {
            close();
            throw new IoFailure(target, "write", e);
        }
        commit();
    }

    /** Closes what was writing, ignoring its failure, and removes the temporary file unless committed. */
    public void abandon(Closeable content) {
        try {
            content.close();
        } catch (IOException | RuntimeException ignored) {
            // the partial file is removed below
        }
        close();
    }

    /**
     * Removes the temporary file unless it was committed, and the folders made for it that
     * are then empty, so that a failed run leaves no empty output folder behind.
     */
    @Override
    public void close() {
        if (!done) {
            done = true;
            deleteQuietly(temp);
            OPEN.remove(temp);
            removeEmptyMadeFolders();
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the temporary name never looks like a finished output
        }
    }
}
