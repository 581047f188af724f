package io.sftkit.format.parquet.impl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Leaves the unused columns out of a Parquet file parquet-avro wrote, in place, by writing
 * its footer again: the footer is the only place readers learn the schema and where column
 * chunks are, so a footer with the smaller schema and the used columns' chunks makes a file
 * of those columns, with no page read, copied or compressed again. The unused chunks stay
 * behind as bytes no footer points to (a few per page: they hold only nulls). A column's
 * definition and repetition levels depend only on the groups above it, which the smaller
 * schema keeps, so its pages read the same in it; its page indexes keep their offsets.
 */
final class UnusedColumns {

    /** Where parquet-avro keeps the Avro schema in a file's metadata, which sftkit's reader reads. */
    private static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";
    /** The footer's length (4 bytes, little-endian) and the magic number end every Parquet file. */
    private static final int TAIL_BYTES = 8;

    private UnusedColumns() {}

    /**
     * Leaves out of {@code files}, all written in {@code full}, the columns and struct fields in
     * which {@code encoder} saw no value: the same ones from every file.
     */
    static void dropFrom(List<Path> files, Schema full, RecordEncoder encoder) throws IOException {
        Schema used = encoder.usedSchema();
        if (!used.equals(full)) {
            for (Path file : files) {
                dropFrom(file, used);
            }
        }
    }

    /** Makes {@code file}, written in a schema that {@code used} is a part of, a file of the columns of {@code used}. */
    static void dropFrom(Path file, Schema used) throws IOException {
        ParquetMetadata footer;
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            footer = reader.getFooter();
        }
        MessageType schema = new AvroSchemaConverter(new PlainParquetConfiguration(ParquetFiles.WRITE_CONF)).convert(used);
        Map<String, String> metadata = new HashMap<>(footer.getFileMetaData().getKeyValueMetaData());
        metadata.put(AVRO_SCHEMA_KEY, used.toString());
        ParquetMetadata smaller = new ParquetMetadata(
                new FileMetaData(schema, metadata, footer.getFileMetaData().getCreatedBy()),
                footer.getBlocks().stream().map(block -> keeping(block, columns(schema))).toList());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Util.writeFileMetaData(new ParquetMetadataConverter().toParquetMetadata(ParquetFileWriter.CURRENT_VERSION, smaller),
                bytes);
        ByteBuffer tail = ByteBuffer.allocate(TAIL_BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(bytes.size()).put(ParquetFileWriter.MAGIC).flip();
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long footerStart = out.size() - TAIL_BYTES - footerLength(out);
            out.truncate(footerStart);
            out.position(footerStart);
            writeFully(out, ByteBuffer.wrap(bytes.toByteArray()));
            writeFully(out, tail);
        }
    }

    private static Set<ColumnPath> columns(MessageType schema) {
        Set<ColumnPath> paths = new HashSet<>();
        for (ColumnDescriptor c : schema.getColumns()) {
            paths.add(ColumnPath.get(c.getPath()));
        }
        return paths;
    }

    private static BlockMetaData keeping(BlockMetaData block, Set<ColumnPath> columns) {
        BlockMetaData kept = new BlockMetaData();
        kept.setRowCount(block.getRowCount());
        kept.setRowIndexOffset(block.getRowIndexOffset());
        kept.setOrdinal(block.getOrdinal());
        kept.setPath(block.getPath());
        long uncompressed = 0;
        for (ColumnChunkMetaData chunk : block.getColumns()) {
            if (columns.contains(chunk.getPath())) {
                kept.addColumn(chunk);
                uncompressed += chunk.getTotalUncompressedSize();
            }
        }
        kept.setTotalByteSize(uncompressed);
        return kept;
    }

    private static int footerLength(FileChannel file) throws IOException {
        ByteBuffer length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        file.position(file.size() - TAIL_BYTES);
        while (length.hasRemaining()) {
            if (file.read(length) < 0) {
                throw new IOException("Parquet file ends before its footer length");
            }
        }
        return length.flip().getInt();
    }

    private static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }
}
