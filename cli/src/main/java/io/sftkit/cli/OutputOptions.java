package io.sftkit.cli;

import io.sftkit.core.io.DatasetWriter;
import io.sftkit.spi.Container;
import io.sftkit.spi.FormatRegistry;
import io.sftkit.spi.Shape;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where and how to write an output file: container and overwrite policy. */
final class OutputOptions {

    static final String COMPRESSION_LEVEL_HELP = "Parquet zstd level, 1 (fastest; default) to 22 (smallest).";

    @Option(names = "--container", paramLabel = "CONTAINER",
            description = "Container of the output (jsonl, json, csv, parquet, …). Default: from the output file's extension.")
    String container;

    @Option(names = "--compression", paramLabel = "CODEC",
            description = "Parquet compression: zstd (default), snappy, gzip or none.")
    String compression;

    @Option(names = "--compression-level", paramLabel = "N", description = COMPRESSION_LEVEL_HELP)
    Integer compressionLevel;

    @Option(names = "--force", description = "Overwrite an existing output file (and rejects file).")
    boolean force;

    DatasetWriter create(Path output, Shape shape) {
        FormatRegistry registry = Registry.get();
        Container c = (container != null ? registry.container(container) : registry.containerFor(output))
                .withOptions(containerOptions(compression, compressionLevel));
        return DatasetWriter.create(output, shape, c, force);
    }

    /** The container options the compression flags set; none when neither was given. */
    static Map<String, String> containerOptions(String compression, Integer compressionLevel) {
        Map<String, String> options = new LinkedHashMap<>();
        if (compression != null) {
            options.put("compression", compression);
        }
        if (compressionLevel != null) {
            options.put("compression-level", compressionLevel.toString());
        }
        return options;
    }
}
