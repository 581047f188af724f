package io.sftkit.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sftkit.core.Location;
import io.sftkit.core.RoleNames;
import io.sftkit.core.Sample;
import io.sftkit.spi.Container;
import io.sftkit.spi.DecodeContext;
import io.sftkit.spi.FileSet;
import io.sftkit.spi.FormatRegistry;
import io.sftkit.spi.InputFile;
import io.sftkit.spi.Provided;
import io.sftkit.spi.RecordReader;
import io.sftkit.spi.RecordWriter;
import io.sftkit.spi.SampleRefusedException;
import io.sftkit.spi.Shape;
import io.sftkit.spi.SourceRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shape on the class path that declares a schema stores its records in Parquet and
 * gets them back equal: the contract a shape signs by declaring {@link Shape#schema()}. Add a
 * format module as a test dependency and its shape is checked here too.
 */
class EveryShapeRoundTripTest {

    private static final FormatRegistry REGISTRY = FormatRegistry.load(EveryShapeRoundTripTest.class.getClassLoader());
    private static final Container PARQUET = REGISTRY.container("parquet");

    @TempDir
    Path dir;

    static Stream<String> shapesWithSchemas() {
        return REGISTRY.shapes().stream().filter(p -> p.provider().schema().isPresent()).map(Provided::id);
    }

    @ParameterizedTest
    @MethodSource("shapesWithSchemas")
    void recordsComeBackEqualAndDecodeToTheSameSamples(String shapeId) throws IOException {
        Shape shape = REGISTRY.shape(shapeId);
        List<ObjectNode> written = records(shape);

        Path file = dir.resolve(shapeId + ".parquet");
        try (RecordWriter writer = PARQUET.create(file, shape)) {
            for (ObjectNode r : written) {
                writer.write(r);
            }
        }
        List<SourceRecord> read = read(file);
        assertThat(read).extracting(SourceRecord::fields).containsExactlyElementsOf(written);
        DecodeContext ctx = new DecodeContext(Location.of("expected"), RoleNames.DEFAULT);
        for (int i = 0; i < written.size(); i++) {
            DecodeContext readCtx = new DecodeContext(read.get(i).location(), RoleNames.DEFAULT);
            assertThat(shape.decode(read.get(i).fields(), readCtx)).isEqualTo(shape.decode(written.get(i), ctx));
        }
    }

    /** Records dealt over three files of one set, whose columns then agree, come back equal from each. */
    @ParameterizedTest
    @MethodSource("shapesWithSchemas")
    void recordsDealtOverTheFilesOfASetComeBackEqual(String shapeId) throws IOException {
        Shape shape = REGISTRY.shape(shapeId);
        List<ObjectNode> records = records(shape);
        FileSet set = PARQUET.fileSet(shape);
        List<Path> files = List.of(dir.resolve("a.parquet"), dir.resolve("b.parquet"), dir.resolve("c.parquet"));
        List<List<ObjectNode>> dealt = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<RecordWriter> writers = new ArrayList<>();
        for (Path file : files) {
            writers.add(set.create(file));
        }
        for (int i = 0; i < records.size(); i++) {
            writers.get(i % 3).write(records.get(i));
            dealt.get(i % 3).add(records.get(i));
        }
        for (RecordWriter writer : writers) {
            writer.close();
        }
        set.finish();

        for (int f = 0; f < files.size(); f++) {
            assertThat(ArrowTypes.of(files.get(f))).as("columns of file %d", f).isEqualTo(ArrowTypes.of(files.get(0)));
            assertThat(read(files.get(f))).extracting(SourceRecord::fields).containsExactlyElementsOf(dealt.get(f));
        }
    }

    /** The shape's records of the test samples it can express (tools cannot go into alpaca, say). */
    private static List<ObjectNode> records(Shape shape) {
        List<ObjectNode> records = new ArrayList<>();
        for (Sample s : TestSamples.all()) {
            try {
                records.add(shape.encode(s));
            } catch (SampleRefusedException refused) {
                // the rest must round-trip
            }
        }
        assertThat(records).as("samples %s can express", shape.id()).isNotEmpty();
        return records;
    }

    private static List<SourceRecord> read(Path file) throws IOException {
        List<SourceRecord> read = new ArrayList<>();
        try (RecordReader reader = PARQUET.open(InputFile.of(file))) {
            for (Optional<SourceRecord> r = reader.read(); r.isPresent(); r = reader.read()) {
                read.add(r.get());
            }
        }
        return read;
    }
}
