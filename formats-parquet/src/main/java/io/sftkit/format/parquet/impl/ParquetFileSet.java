package io.sftkit.format.parquet.impl;

import io.sftkit.spi.FileSet;
import io.sftkit.spi.RecordWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Parquet files read as one dataset, which get the same columns: every file is written in
 * the shape's full schema through one {@link RecordEncoder}, which so notes the columns used
 * in any of them, and {@link #finish()} drops from all files the columns none of them used.
 * With columns dropped file by file, a split or shard that happened to have no system prompt
 * would lack the column the others have, and HF datasets would refuse the whole dataset.
 */
final class ParquetFileSet implements FileSet {

    private final RecordEncoder encoder;
    private final Schema avro;
    private final WriteSettings settings;
    private final String shapeId;
    private final List<Path> files = new ArrayList<>();

    ParquetFileSet(RecordEncoder encoder, Schema avro, WriteSettings settings, String shapeId) {
        this.encoder = encoder;
        this.avro = avro;
        this.settings = settings;
        this.shapeId = shapeId;
    }

    @Override
    public RecordWriter create(Path target) throws IOException {
        RecordWriter writer = new ParquetRecordWriter(target, encoder, avro, settings, shapeId, false);
        files.add(target);
        return writer;
    }

    @Override
    public void finish() throws IOException {
        UnusedColumns.dropFrom(files, avro, encoder);
    }

    @Override
    public boolean sameColumns() {
        return true;
    }
}
