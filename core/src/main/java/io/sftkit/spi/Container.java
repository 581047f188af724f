package io.sftkit.spi;

import io.sftkit.core.UsageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How records are stored: JSON Lines, a JSON array, CSV, Parquet, or a plug-in's.
 * Any {@link Shape} goes into any container that can hold its records.
 *
 * <p>Found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.sftkit.spi.Container} (see {@link Provider}); stateless and
 * thread-safe. The container owns the streams: it opens the file in {@link #open} or
 * {@link #create}, and the reader or writer it returns closes them when the caller closes
 * it. No argument is ever null and no method returns null. Only {@link #id()}, {@link #open}
 * and {@link #create} must be written; everything else has a default.
 */
public interface Container extends Provider {

    /** The id users type after {@code --container}, e.g. {@code jsonl}. */
    @Override
    String id();

    /**
     * File name endings this container owns, without the dot, e.g. {@code ["jsonl", "ndjson"]}
     * (the first is used for new files); by default the id.
     */
    default List<String> extensions() {
        return List.of(id());
    }

    /**
     * Opens an input for reading, through {@link InputFile#openStream()} for a container that
     * reads streams. The returned reader owns what was opened; the caller closes the reader.
     */
    RecordReader open(InputFile input) throws IOException;

    /**
     * Creates {@code target} and returns a writer for records of {@code shape}. The
     * caller picks the path (a temporary one, moved into place when complete) and
     * closes the writer, which closes the file.
     */
    RecordWriter create(Path target, Shape shape) throws IOException;

    /**
     * Writers for files of {@code shape} that are read as one dataset (an export's splits and
     * shards), see {@link FileSet}. By default each file is written by {@link #create} and
     * needs nothing from the others.
     */
    default FileSet fileSet(Shape shape) {
        return target -> create(target, shape);
    }

    /**
     * This container with settings a user gave (on the command line, say
     * {@code compression=snappy}); the receiver is not changed. By default a container
     * takes no options.
     *
     * @throws UsageException for an option the container does not know or a bad value
     */
    default Container withOptions(Map<String, String> options) {
        if (options.isEmpty()) {
            return this;
        }
        throw new UsageException("the " + id() + " container takes no options; remove "
                + String.join(", ", options.keySet()));
    }
}
