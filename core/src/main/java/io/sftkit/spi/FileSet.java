package io.sftkit.spi;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Files of one shape that are read together as one dataset: the splits of an export and
 * their shards. HuggingFace datasets casts them all to one schema and refuses files whose
 * columns differ, and polars and DuckDB do the same for a glob of shards, so a container
 * that writes each file's columns into the file (Parquet) gives every file of the set the
 * same ones in {@link #finish()}.
 *
 * <p>Made by {@link Container#fileSet}. The set's writers are written from one thread. Only
 * {@link #create} must be written.
 */
@FunctionalInterface
public interface FileSet {

    /** Creates one file of the set, as {@link Container#create} does. */
    RecordWriter create(Path target) throws IOException;

    /**
     * Completes the files after every writer of the set was closed without an error, before
     * they are moved into place; not called when a writer failed. By default there is nothing
     * to do.
     */
    default void finish() throws IOException {
    }

    /**
     * Whether {@link #finish()} gives every file the same columns, whatever records each
     * holds; by default not, and a file's columns are the keys of its records.
     */
    default boolean sameColumns() {
        return false;
    }
}
