package io.sftkit.format.parquet.impl;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Leaves the unused columns out of a Parquet file by copying the others' column chunks
 * byte for byte into a file of the smaller schema: nothing is decoded or compressed again.
 * A column's definition and repetition levels depend only on the groups above it, which
 * the smaller schema keeps, so the copied pages read the same in it.
 */
final class UnusedColumns {

    /** Where parquet-avro keeps the Avro schema in a file's metadata, which sftkit's reader reads. */
    private static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";

    private UnusedColumns() {}

    /**
     * Writes {@code to} with the rows of {@code from} (written by parquet-avro in a schema
     * that {@code used} is a part of) in the columns of {@code used}.
     */
    static void dropFrom(Path from, Path to, Schema used) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(from));
                SeekableInputStream in = stream(FileChannel.open(from))) {
            Map<String, String> metadata = new HashMap<>(reader.getFileMetaData().getKeyValueMetaData());
            metadata.put(AVRO_SCHEMA_KEY, used.toString());
            ParquetFileWriter out = new ParquetFileWriter(new LocalOutputFile(to),
                    new AvroSchemaConverter(new PlainParquetConfiguration(ParquetFiles.WRITE_CONF)).convert(used),
                    ParquetFileWriter.Mode.OVERWRITE, ParquetWriter.DEFAULT_BLOCK_SIZE, 0);
            out.start();
            for (BlockMetaData rowGroup : reader.getRowGroups()) {
                out.appendRowGroup(in, rowGroup, true);
            }
            out.end(metadata);
        }
    }

    /** The file read in blocks: {@code LocalInputFile}'s stream copies a byte per system call. */
    private static SeekableInputStream stream(FileChannel file) {
        return new DelegatingSeekableInputStream(Channels.newInputStream(file)) {
            @Override
            public long getPos() throws IOException {
                return file.position();
            }

            @Override
            public void seek(long newPos) throws IOException {
                file.position(newPos);
            }
        };
    }
}
