package io.sftkit.format.parquet.impl;

import static java.util.Objects.requireNonNull;

import io.sftkit.core.UsageException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How Parquet files are written: the user-facing options of the {@code parquet} container.
 * Holds no Parquet types, so that the container can keep it without loading Parquet.
 *
 * @param compression {@code zstd}, {@code snappy}, {@code gzip} or {@code none}
 * @param zstdLevel zstd's level, from 1 (fastest) to 22 (smallest)
 * @param rowGroupBytes the size a row group is flushed at (uncompressed, in memory)
 */
public record WriteSettings(String compression, int zstdLevel, long rowGroupBytes) {

    public static final String COMPRESSION = "compression";
    public static final String COMPRESSION_LEVEL = "compression-level";
    public static final String ROW_GROUP_MB = "row-group-mb";

    private static final List<String> CODECS = List.of("zstd", "snappy", "gzip", "none");
    private static final long MB = 1024L * 1024L;
    /**
     * zstd level 1, pyarrow's default (so that of files HF datasets writes): on 1M alpaca rows
     * with shuffled words, converting took 18.9 s of CPU at level 1, 20.0 s at 2 and 21.2 s at
     * 3 (zstd's own default, DuckDB's and polars'), for files of 377, 334 and 317 MB.
     */
    private static final int DEFAULT_LEVEL = 1;

    /**
     * zstd, and row groups flushed at 16 MiB. parquet-mr counts mostly compressed bytes: on
     * 200k canonical samples (388 MB of JSON) 16 MiB gave row groups of about 86 MiB
     * uncompressed, 32 MiB gave 202 MiB and 128 MiB one group of 311 MiB. HuggingFace's
     * dataset viewer recommends 100-300 MB in memory and refuses groups over 286 MiB;
     * templated (generated) data compresses better still, so 16 MiB keeps that margin.
     * Write speed was the same from 16 to 128 MiB.
     */
    public static final WriteSettings DEFAULTS = new WriteSettings("zstd", DEFAULT_LEVEL, 16 * MB);

    public WriteSettings {
        requireNonNull(compression, "compression is null");
        if (!CODECS.contains(compression)) {
            throw new IllegalArgumentException("unknown compression " + compression);
        }
        if (zstdLevel < 1 || zstdLevel > 22) {
            throw new IllegalArgumentException("zstd level outside 1-22: " + zstdLevel);
        }
        if (rowGroupBytes < MB) {
            throw new IllegalArgumentException("row groups under 1 MiB: " + rowGroupBytes);
        }
    }

    /**
     * These settings changed by user options.
     *
     * @throws UsageException for an unknown option or a bad value
     */
    public WriteSettings with(Map<String, String> options) {
        String codec = compression;
        int level = zstdLevel;
        long rowGroup = rowGroupBytes;
        for (Map.Entry<String, String> e : options.entrySet()) {
            String value = e.getValue().trim().toLowerCase(Locale.ROOT);
            switch (e.getKey()) {
                case COMPRESSION -> {
                    if (!CODECS.contains(value)) {
                        throw new UsageException("unknown Parquet compression '" + e.getValue() + "'; use one of "
                                + String.join(", ", CODECS));
                    }
                    codec = value;
                }
                case COMPRESSION_LEVEL -> level = zstdLevel(e.getValue());
                case ROW_GROUP_MB -> rowGroup = megabytes(e.getValue());
                default -> throw new UsageException("unknown option '" + e.getKey() + "' for the parquet container; known: "
                        + COMPRESSION + ", " + COMPRESSION_LEVEL + ", " + ROW_GROUP_MB);
            }
        }
        if (options.containsKey(COMPRESSION_LEVEL) && !codec.equals("zstd")) {
            throw new UsageException(COMPRESSION_LEVEL + " is zstd's level; it does not apply to compression " + codec);
        }
        return new WriteSettings(codec, level, rowGroup);
    }

    private static int zstdLevel(String value) {
        try {
            int level = Integer.parseInt(value.trim());
            if (level >= 1 && level <= 22) {
                return level;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("bad " + COMPRESSION_LEVEL + " '" + value + "'; give zstd's level, a whole number from"
                + " 1 (fastest) to 22 (smallest)");
    }

    private static long megabytes(String value) {
        try {
            long mb = Long.parseLong(value.trim());
            if (mb >= 1 && mb <= 1024) {
                return mb * MB;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("bad " + ROW_GROUP_MB + " '" + value + "'; give a whole number of MiB from 1 to 1024");
    }
}
