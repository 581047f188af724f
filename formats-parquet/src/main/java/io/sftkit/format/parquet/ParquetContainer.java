package io.sftkit.format.parquet;

import io.sftkit.core.UsageException;
import io.sftkit.format.parquet.impl.ParquetFiles;
import io.sftkit.format.parquet.impl.WriteSettings;
import io.sftkit.spi.Container;
import io.sftkit.spi.FileSet;
import io.sftkit.spi.InputFile;
import io.sftkit.spi.RecordReader;
import io.sftkit.spi.RecordSchema;
import io.sftkit.spi.RecordWriter;
import io.sftkit.spi.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Apache Parquet files that HuggingFace datasets, pyarrow, DuckDB and polars read, for any
 * shape that declares its columns ({@link Shape#schema()}): the columns come from the shape,
 * never from a list of known formats.
 *
 * <p>Loading this class (to list formats, or for a command that writes JSON) loads nothing
 * of Parquet or Hadoop; that happens in {@link ParquetFiles} on the first open or create.
 *
 * <p>Options ({@link #withOptions}): {@code compression} = zstd (default), snappy, gzip or
 * none; {@code compression-level} = zstd's level, 1 (fastest; default) to 22 (smallest);
 * {@code row-group-mb} = the size row groups are flushed at, in MiB (default 16).
 */
public final class ParquetContainer implements Container {

    public static final String ID = "parquet";

    private final WriteSettings settings;

    public ParquetContainer() {
        this(WriteSettings.DEFAULTS);
    }

    private ParquetContainer(WriteSettings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> extensions() {
        return List.of("parquet");
    }

    @Override
    public String description() {
        return "Apache Parquet, HuggingFace-compatible columns (.parquet; options: compression=zstd|snappy|gzip|none,"
                + " compression-level=1..22 (zstd), row-group-mb=N)";
    }

    @Override
    public Container withOptions(Map<String, String> options) {
        return options.isEmpty() ? this : new ParquetContainer(settings.with(options));
    }

    @Override
    public RecordReader open(InputFile input) throws IOException {
        if (input.gzip()) {
            throw new UsageException(input.displayName() + ": Parquet compresses its own pages and cannot be read"
                    + " through gzip; gunzip the file first");
        }
        return ParquetFiles.open(input.path(), input.displayName());
    }

    /**
     * @throws UsageException when the shape declares no columns
     */
    @Override
    public RecordWriter create(Path target, Shape shape) throws IOException {
        return ParquetFiles.create(target, shape.id(), schema(shape), settings);
    }

    /**
     * Files that all get the columns any of them uses, so that HF datasets, polars and DuckDB
     * read them as one table.
     *
     * @throws UsageException when the shape declares no columns
     */
    @Override
    public FileSet fileSet(Shape shape) {
        return ParquetFiles.fileSet(shape.id(), schema(shape), settings);
    }

    private static RecordSchema schema(Shape shape) {
        return shape.schema().orElseThrow(() -> new UsageException("the " + shape.id()
                + " format cannot be written as Parquet: its shape declares no columns (Shape.schema());"
                + " write .jsonl or .json instead"));
    }
}
