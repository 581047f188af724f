package io.sftkit.format.parquet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sftkit.spi.Container;
import io.sftkit.spi.InputFile;
import io.sftkit.spi.RecordReader;
import io.sftkit.spi.SourceRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every record of a Parquet file, read through the container as sftkit reads it. */
final class ParquetRecords {

    private ParquetRecords() {}

    static List<SourceRecord> read(Container parquet, Path file) throws IOException {
        List<SourceRecord> out = new ArrayList<>();
        try (RecordReader reader = parquet.open(InputFile.of(file))) {
            for (Optional<SourceRecord> r = reader.read(); r.isPresent(); r = reader.read()) {
                out.add(r.get());
            }
        }
        return out;
    }

    /** The records' fields. */
    static List<ObjectNode> fields(Container parquet, Path file) throws IOException {
        return read(parquet, file).stream().map(SourceRecord::fields).toList();
    }
}
