package io.sftkit.core.export;

import static java.util.Objects.requireNonNull;

import io.sftkit.core.RoleNames;
import io.sftkit.core.split.SplitRatios;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What to export.
 *
 * @param dataset a {@code generate} output folder (its {@code train/val/test.jsonl}) or one dataset file
 * @param part which part of a generate folder: the SFT splits or the preference pairs
 * @param fromShape the input's shape, or empty to detect it
 * @param roles how to read role names
 * @param toShape the output's shape
 * @param container the output's container, or empty for JSON Lines
 * @param containerOptions settings for the container, e.g. {@code compression=zstd} for Parquet
 * @param maxRowsPerFile when set, each split is written as shards of at most this many rows,
 *     named as the HuggingFace Hub does ({@code train-00000-of-00003.parquet})
 * @param framework the framework to write a config for, or empty for none
 * @param outDir where to write
 * @param name the dataset's name in the framework's config
 * @param overwrite whether existing files may be replaced
 * @param rejects where records that cannot be read or written go ({@code --on-error skip});
 *     empty to stop at the first
 * @param split when set, the one dataset file is split into train, val and test as it streams
 *     ({@link io.sftkit.core.split.HashSplitter}), with these ratios and the seed
 * @param seed the split's seed
 */
public record ExportRequest(
        Path dataset,
        Part part,
        Optional<String> fromShape,
        RoleNames roles,
        String toShape,
        Optional<String> container,
        Map<String, String> containerOptions,
        OptionalLong maxRowsPerFile,
        Optional<String> framework,
        Path outDir,
        String name,
        boolean overwrite,
        Optional<Path> rejects,
        Optional<SplitRatios> split,
        long seed) {

    public ExportRequest {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(part, "part is null");
        requireNonNull(fromShape, "fromShape is null");
        requireNonNull(roles, "roles is null");
        requireNonNull(toShape, "toShape is null");
        requireNonNull(container, "container is null");
        containerOptions = Map.copyOf(requireNonNull(containerOptions, "containerOptions is null"));
        requireNonNull(maxRowsPerFile, "maxRowsPerFile is null");
        requireNonNull(framework, "framework is null");
        requireNonNull(outDir, "outDir is null");
        requireNonNull(name, "name is null");
        requireNonNull(rejects, "rejects is null");
        requireNonNull(split, "split is null");
    }

    /** The parts of a generate output folder. */
    public enum Part {
        SFT,
        PREFERENCE
    }
}
