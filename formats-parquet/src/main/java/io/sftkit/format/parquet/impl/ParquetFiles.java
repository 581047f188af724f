package io.sftkit.format.parquet.impl;

import io.sftkit.core.DataException;
import io.sftkit.core.Location;
import io.sftkit.spi.FileSet;
import io.sftkit.spi.RecordReader;
import io.sftkit.spi.RecordSchema;
import io.sftkit.spi.RecordWriter;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.bytes.DirectByteBufferAllocator;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Where the {@code parquet} container's work starts: the first class to touch Parquet and
 * Hadoop, loaded only when a Parquet file is opened or created.
 *
 * <p>Files go through parquet's {@code LocalInputFile}/{@code LocalOutputFile} (java.nio),
 * not Hadoop's {@code FileSystem}: containers get local paths, and this way needs fewer
 * Hadoop jars, writes no {@code .crc} side files and logs no native-library warning.
 * Hadoop still runs underneath (codecs, read options).
 */
public final class ParquetFiles {

    static {
        QuietLogging.apply();
    }

    /** Standard 3-level lists ({@code list<element: ...>} in Arrow) rather than parquet-avro's legacy 2-level ones. */
    static final Map<String, String> WRITE_CONF = Map.of("parquet.avro.write-old-list-structure", "false");

    private static final String ZSTD_LEVEL = "parquet.compression.codec.zstd.level";

    /**
     * A column chunk's values are dictionary-encoded until the dictionary holds this much,
     * then written plain: short repeated values (roles, metadata) keep their dictionary,
     * while long text, whose values rarely repeat, gives it up 4 times sooner than at
     * parquet-mr's 1 MiB. On 1M alpaca rows of shuffled text: 1.8% of CPU samples in the
     * dictionary instead of 5.3%, files 0.09% larger.
     */
    private static final int DICTIONARY_BYTES = 256 * 1024;

    private static final Map<String, String> READ_CONF = Map.of(
            // list items of files from pyarrow, DuckDB and Spark as themselves, not wrapped in {"element": ...}
            "parquet.avro.add-list-element-records", "false",
            // old Impala/Spark timestamps: read the raw 12 bytes instead of failing the whole file
            "parquet.avro.readInt96AsFixed", "true");

    private ParquetFiles() {}

    /** A writer that writes the Parquet file on a thread of its own, with the columns the records use. */
    public static RecordWriter create(Path target, String shapeId, RecordSchema schema, WriteSettings settings)
            throws IOException {
        Schema avro = AvroSchemas.of(schema);
        return new ParquetRecordWriter(target, new RecordEncoder(schema, avro), avro, settings, shapeId, true);
    }

    /** Files that get the columns any of them uses, see {@link ParquetFileSet}. */
    public static FileSet fileSet(String shapeId, RecordSchema schema, WriteSettings settings) {
        Schema avro = AvroSchemas.of(schema);
        return new ParquetFileSet(new RecordEncoder(schema, avro), avro, settings, shapeId);
    }

    static ParquetWriter<GenericRecord> writer(Path target, Schema avro, WriteSettings settings) throws IOException {
        Map<String, String> conf = new HashMap<>(WRITE_CONF);
        conf.put(ZSTD_LEVEL, Integer.toString(settings.zstdLevel()));
        return AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(target))
                .withSchema(avro)
                .withDataModel(GenericData.get())
                .withConf(new PlainParquetConfiguration(conf))
                .withCompressionCodec(codec(settings.compression()))
                .withCodecFactory(directCodecs(settings))
                .withRowGroupSize(settings.rowGroupBytes())
                .withDictionaryPageSize(DICTIONARY_BYTES)
                // pages and row groups in the making off the heap, where young collections would copy
                // them: on 1M rows, 77 collections instead of 97, 6.6 s instead of 6.9 s (mean of 4)
                .withAllocator(DirectByteBufferAllocator.getInstance())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build();
    }

    /**
     * Compressors that compress each page in one call on direct buffers, rather than through a
     * Hadoop stream per page (measured on 1M rows with zstd: 11.3 s of CPU instead of 12.0 s,
     * the same bytes). The writer releases them when it closes. A Hadoop configuration
     * without its default resources, so that nothing is looked up on the class path.
     */
    private static CodecFactory directCodecs(WriteSettings settings) {
        Configuration conf = new Configuration(false);
        conf.setInt(ZSTD_LEVEL, settings.zstdLevel());
        return CodecFactory.createDirectCodecFactory(conf, DirectByteBufferAllocator.getInstance(),
                ParquetProperties.DEFAULT_PAGE_SIZE);
    }

    /**
     * @throws DataException when the file is not Parquet or its footer is missing (a truncated copy)
     */
    public static RecordReader open(Path file, String source) throws IOException {
        LocalInputFile input = new LocalInputFile(file) {
            @Override
            public String toString() {
                return source;
            }
        };
        try (ParquetFileReader footer = ParquetFileReader.open(input)) {
            footer.getFooter();
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DataException(Location.of(source), "", "not a Parquet file or truncated: " + footerProblem(e),
                    "check that the file was copied completely; write it again if it was", e);
        }
        ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(input,
                        new PlainParquetConfiguration(READ_CONF))
                .withDataModel(GenericData.get())
                .build();
        return new ParquetRecordReader(reader, source);
    }

    private static CompressionCodecName codec(String name) {
        return switch (name) {
            case "zstd" -> CompressionCodecName.ZSTD;
            case "snappy" -> CompressionCodecName.SNAPPY;
            case "gzip" -> CompressionCodecName.GZIP;
            case "none" -> CompressionCodecName.UNCOMPRESSED;
            default -> throw new IllegalArgumentException("codec " + name);
        };
    }

    /** parquet-mr's footer complaints, in words that say what is wrong with the file. */
    private static String footerProblem(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("is not a Parquet file")) {
            return "it does not end with Parquet's footer marker PAR1";
        }
        if (message.contains("footer is too large") || message.contains("corrupted file: the footer index")) {
            return "the footer length it ends with does not fit the file";
        }
        return describe(e);
    }

    /** The first line of an exception's message, or its class when it has none. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
