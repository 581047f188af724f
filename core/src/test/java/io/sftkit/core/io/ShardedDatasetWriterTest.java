package io.sftkit.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sftkit.core.Message;
import io.sftkit.core.Metadata;
import io.sftkit.core.RoleNames;
import io.sftkit.core.Sample;
import io.sftkit.core.UsageException;
import io.sftkit.spi.Container;
import io.sftkit.spi.FormatRegistry;
import io.sftkit.spi.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardedDatasetWriterTest {

    private final FormatRegistry registry = FormatRegistry.load(getClass().getClassLoader());
    private final Shape canonical = registry.shape("canonical");
    private final Container jsonl = registry.container("jsonl");

    @TempDir
    Path dir;

    @Test
    void splitsIntoHubNamedShardsOfAtMostTheLimit() {
        List<Sample> samples = samples(10);
        List<Path> shards = write("train", 4, samples, false);

        assertThat(names()).containsExactly("train-00000-of-00003.jsonl", "train-00001-of-00003.jsonl",
                "train-00002-of-00003.jsonl");
        assertThat(shards).extracting(p -> p.getFileName().toString()).containsExactlyElementsOf(names());
        assertThat(shards).extracting(this::count).containsExactly(4L, 4L, 2L);
        assertThat(shards.stream().flatMap(p -> read(p).stream()).toList()).isEqualTo(samples);
    }

    @Test
    void anExactMultipleMakesNoEmptyTrailingShard() {
        write("train", 5, samples(10), false);
        assertThat(names()).containsExactly("train-00000-of-00002.jsonl", "train-00001-of-00002.jsonl");
    }

    @Test
    void noSamplesStillMakeOneShardSoTheSplitExists() {
        List<Path> shards = write("validation", 100, List.of(), false);
        assertThat(names()).containsExactly("validation-00000-of-00001.jsonl");
        assertThat(count(shards.get(0))).isZero();
    }

    @Test
    void rewritingReplacesEveryOldShardOfTheSplitOnlyWithForce() {
        write("train", 2, samples(5), false);
        write("test", 10, samples(1), false);
        assertThatThrownBy(() -> write("train", 3, samples(5), false))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("already holds train shards")
                .hasMessageContaining("--force");

        write("train", 3, samples(5), true);
        assertThat(names()).containsExactly("test-00000-of-00001.jsonl", "train-00000-of-00002.jsonl",
                "train-00001-of-00002.jsonl");
    }

    @Test
    void nothingWithAShardNameAppearsBeforeCommitAndCloseCleansUp() {
        try (ShardedDatasetWriter writer = ShardedDatasetWriter.create(dir, "train", "jsonl", canonical,
                jsonl.fileSet(canonical), 2, false)) {
            samples(5).forEach(writer::write);
            assertThat(names()).allSatisfy(n -> assertThat(n).startsWith(".").endsWith(".sftkit-tmp"));
            assertThat(names()).hasSize(3);
        }
        assertThat(names()).isEmpty();
    }

    @Test
    void badSplitNamesAndLimitsAreUsageErrors() {
        assertThatThrownBy(() -> ShardedDatasetWriter.create(dir, "train/x", "jsonl", canonical, jsonl.fileSet(canonical), 2,
                false))
                .isInstanceOf(UsageException.class).hasMessageContaining("train/x");
        assertThatThrownBy(() -> ShardedDatasetWriter.create(dir, "train", "jsonl", canonical, jsonl.fileSet(canonical), 0,
                false))
                .isInstanceOf(UsageException.class).hasMessageContaining("at least 1");
        assertThat(ShardedDatasetWriter.shardName("train", 7, 12, "parquet")).isEqualTo("train-00007-of-00012.parquet");
    }

    private List<Path> write(String split, long max, List<Sample> samples, boolean overwrite) {
        try (ShardedDatasetWriter writer = ShardedDatasetWriter.create(dir, split, "jsonl", canonical,
                jsonl.fileSet(canonical), max, overwrite)) {
            samples.forEach(writer::write);
            assertThat(writer.written()).isEqualTo(samples.size());
            return writer.commit();
        }
    }

    private static List<Sample> samples(int n) {
        return IntStream.range(0, n).mapToObj(i -> Sample.of("s" + i,
                List.of(Message.user("คำถาม " + i), Message.assistant("answer " + i)), Metadata.EMPTY)).toList();
    }

    private List<String> names() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private long count(Path file) {
        return read(file).size();
    }

    private List<Sample> read(Path file) {
        List<Sample> out = new ArrayList<>();
        try (DatasetReader reader = DatasetReader.open(registry, file, Optional.of("canonical"), Optional.empty(),
                RoleNames.DEFAULT)) {
            for (var s = reader.next(); s.isPresent(); s = reader.next()) {
                out.add(s.get().sample());
            }
        }
        return out;
    }
}
