package io.sftkit.spi;

import io.sftkit.core.Sample;
import io.sftkit.core.UsageException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A training framework that datasets are prepared for: what it reads from a row (for
 * {@code sftkit validate FILE --for ID}) and the config file that tells it where the
 * exported data is and how to read it (for {@code sftkit export ... --for ID}).
 *
 * <p>Found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.sftkit.spi.FrameworkTarget}, like shapes and containers (see
 * {@link Provider}). Implementations must be stateless and thread-safe. No argument is ever
 * null and no method returns null. Nothing a caller passes needs closing; {@link #writeConfig}
 * opens, writes and closes its own files. Only {@link #id()} and {@link #description()} must
 * be written; everything else has a default.
 */
public interface FrameworkTarget extends Provider {

    /** The id users type after {@code --for}: {@code llama-factory}, {@code axolotl}, {@code hf}, ... */
    @Override
    String id();

    /** One line for listings, naming the framework and what this target checks and writes. */
    @Override
    String description();

    /**
     * What in one sample the framework would skip, misread or fail on.
     *
     * @param sample a canonical sample, roles already resolved
     * @param shapeId the shape the data is (or will be) written in, when known; rules that
     *     depend on the shape's columns apply only then
     * @return the violations, in message order; empty when the framework reads the sample as is.
     *     By default there are no rules.
     */
    default List<FrameworkViolation> check(Sample sample, Optional<String> shapeId) {
        return List.of();
    }

    /**
     * Fails fast, before any data is written, when this target cannot describe files of
     * this shape and container. {@link #writeConfig} checks the same again.
     *
     * @throws UsageException naming what is supported; by default, that this target writes no config
     */
    default void checkExport(String shapeId, String containerId) {
        throw noConfig();
    }

    /**
     * Writes the framework's config for exported files into {@code outputDir}, each file
     * atomically (complete or not at all).
     *
     * @param layout what was exported; its file paths are relative to {@code outputDir}
     * @param overwrite whether existing config files (or entries in them) may be replaced
     * @return the files written, in the order written
     * @throws UsageException when the framework cannot read the data as exported (the message
     *     names what it can read) or a file exists and {@code overwrite} is false; by default,
     *     that this target writes no config
     * @throws io.sftkit.core.IoFailure when a file cannot be written
     */
    default List<Path> writeConfig(ExportLayout layout, Path outputDir, boolean overwrite) {
        throw noConfig();
    }

    /**
     * Where the exported file of one split goes, relative to the output folder. By default
     * beside the config: {@code train.jsonl}.
     *
     * @param split the split's name, e.g. {@code train}
     * @param extension the container's file extension, without the dot
     */
    default Path dataFile(String split, String extension) {
        return Path.of(split + "." + extension);
    }

    /**
     * Whether the config can name a split held in several shard files
     * ({@code train-00000-of-00003.parquet}, …) through a glob such as {@code data/train-*.parquet}.
     */
    default boolean readsShardGlobs() {
        return false;
    }

    /**
     * Whether the framework loads all the splits of an export as one dataset, which needs the
     * same columns in every split (HF {@code load_dataset} through a card's config); the
     * export then warns of splits whose columns differ.
     */
    default boolean loadsSplitsAsOneDataset() {
        return false;
    }

    private UsageException noConfig() {
        return new UsageException("--for " + id() + " writes no config file: the exported data is all "
                + id() + " needs, so export without --for");
    }
}
