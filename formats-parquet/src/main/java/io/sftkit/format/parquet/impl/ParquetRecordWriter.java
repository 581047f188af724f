package io.sftkit.format.parquet.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sftkit.core.io.Handoff;
import io.sftkit.spi.RecordWriter;
import io.sftkit.spi.SampleRefusedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Writes a shape's records as rows of a Parquet file whose columns are the ones the records
 * use: a column or struct field that no record fills is left out, so that readers see, say,
 * {@code messages: list<struct<content, role>>} for plain chat data rather than null
 * {@code tool_calls} in every message, which chat templates and TRL take for real values.
 *
 * <p>The columns are known only after the last record, so rows are written in the shape's
 * full schema, by a thread of their own while the next records are encoded (column encoding
 * and compression are a third of a conversion's work), and on {@link #close()} the footer is
 * written again without the unused columns ({@link UnusedColumns}). A file of a
 * {@link ParquetFileSet} leaves that to the set, which drops only what no file of the set used.
 */
final class ParquetRecordWriter implements RecordWriter {

    private final Path target;
    private final RecordEncoder encoder;
    private final Schema avro;
    private final String shapeId;
    private final ParquetWriter<GenericRecord> writer;
    private final Handoff<GenericData.Record> rows = new Handoff<>();
    private final Thread writing;
    private final boolean dropsUnusedColumns;
    private long written;
    private boolean closed;

    /**
     * @param dropsUnusedColumns whether {@link #close()} drops the columns that {@code encoder}
     *     saw no value for; false for a file of a set, which shares the encoder with the others
     */
    ParquetRecordWriter(Path target, RecordEncoder encoder, Schema avro, WriteSettings settings, String shapeId,
            boolean dropsUnusedColumns) throws IOException {
        this.target = target;
        this.dropsUnusedColumns = dropsUnusedColumns;
        this.encoder = encoder;
        this.avro = avro;
        this.shapeId = shapeId;
        this.writer = ParquetFiles.writer(target, avro, settings);
        this.writing = rows.consumeOn("sftkit-write-parquet", writer::write);
    }

    /**
     * @throws SampleRefusedException when a value does not fit its column; nothing is written for the record
     * @throws IOException when writing an earlier record failed
     */
    @Override
    public void write(ObjectNode record) throws IOException {
        RecordEncoder.Encoded row;
        try {
            row = encoder.encode(record);
        } catch (Mismatch m) {
            throw new SampleRefusedException(shapeId + " in Parquet", sampleId(record),
                    "field '" + m.path() + "': " + m.problem());
        }
        if (!rows.put(row.row(), 2 * row.textChars())) {
            throw writeFailure();
        }
        written++;
    }

    private String sampleId(ObjectNode record) {
        JsonNode id = record.get("id");
        return id != null && id.isTextual() && !id.textValue().isEmpty() ? id.textValue() : "row " + (written + 1);
    }

    /** A new exception each time: write and close both report the writing thread's failure, and one suppresses the other. */
    private IOException writeFailure() {
        Throwable failure = rows.failure();
        return new IOException("writing Parquet failed: " + ParquetFiles.describe(failure), failure);
    }

    /** Writes the rows still queued, then leaves out the columns no record used (unless a set does). */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        rows.finish(null);
        rows.await(writing);
        try {
            writer.close();
        } finally {
            if (rows.failure() != null) {
                throw writeFailure();
            }
        }
        if (dropsUnusedColumns) {
            UnusedColumns.dropFrom(List.of(target), avro, encoder);
        }
    }
}
