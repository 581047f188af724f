package io.sftkit.core.export;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sftkit.core.IoFailure;
import io.sftkit.core.Sample;
import io.sftkit.core.UsageException;
import io.sftkit.core.io.Conversion;
import io.sftkit.core.io.DatasetReader;
import io.sftkit.core.io.DatasetWriter;
import io.sftkit.core.io.Json;
import io.sftkit.core.io.JsonLinesContainer;
import io.sftkit.core.io.RejectsFile;
import io.sftkit.core.io.ShardedDatasetWriter;
import io.sftkit.core.split.HashSplitter;
import io.sftkit.core.split.Split;
import io.sftkit.core.stats.DatasetStats;
import io.sftkit.spi.ColumnType;
import io.sftkit.spi.Container;
import io.sftkit.spi.ExportLayout;
import io.sftkit.spi.FileSet;
import io.sftkit.spi.FormatRegistry;
import io.sftkit.spi.FrameworkTarget;
import io.sftkit.spi.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Writes a dataset's splits in a shape and container, then the framework's config
 * describing them. Each file is streamed and written atomically.
 */
public final class DatasetExport {

    /** The split names a generate folder holds, in the order they are exported. */
    static final List<String> SPLITS = List.of("train", "val", "test");

    private final FormatRegistry registry;

    public DatasetExport(FormatRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    /**
     * What was written.
     *
     * @param counts records read, written and rejected over all splits
     * @param rejectsFile the rejects file, when the request named one
     * @param warnings what may keep the framework from loading the export, one line each
     */
    public record Result(ExportLayout layout, List<Path> configFiles, Conversion.Summary counts,
            Optional<Path> rejectsFile, List<String> warnings) {}

    /**
     * Writes every split, then the config. Nothing is moved into place until every split was
     * read to its end: a bad record in the last split leaves no file of this run behind.
     */
    public Result run(ExportRequest request) {
        return run(request, reader -> { });
    }

    /**
     * As {@link #run(ExportRequest)}, telling {@code reading} of each split's reader as it
     * is opened, e.g. to show progress.
     */
    public Result run(ExportRequest request, Consumer<DatasetReader> reading) {
        requireNonNull(request, "request is null");
        requireNonNull(reading, "reading is null");
        Shape shape = registry.shape(request.toShape());
        Container container = registry.container(request.container().orElse(JsonLinesContainer.ID))
                .withOptions(request.containerOptions());
        Optional<FrameworkTarget> target = request.framework().map(registry::framework);
        target.ifPresent(t -> t.checkExport(shape.id(), container.id()));
        if (request.maxRowsPerFile().isPresent() && target.isPresent() && !target.get().readsShardGlobs()) {
            throw new UsageException("--max-rows-per-file: --for " + target.get().id()
                    + " cannot name sharded splits in its config; use --for hf, or export without --for");
        }
        Map<Path, List<String>> inputs = inputs(request);

        ExportLayout.Builder layout = ExportLayout.builder(request.name(), shape.id(), container.id());
        // only a framework config shows them (the dataset card); on 1M rows they took 1.9 s of the main thread's 11
        Optional<DatasetStats> stats = target.map(t -> new DatasetStats());
        FileSet files = container.fileSet(shape);
        List<SplitOutput> written = new ArrayList<>();
        Map<String, SplitOutput> withRows = new LinkedHashMap<>();
        // splits loaded as one dataset from files that keep their own columns must be reconciled
        boolean reconcile = target.isPresent() && target.get().loadsSplitsAsOneDataset() && !files.sameColumns();
        List<AutoCloseable> pending = new ArrayList<>();
        Optional<RejectsFile> rejects = Optional.empty();
        try {
            rejects = request.rejects().map(path -> RejectsFile.create(path, request.overwrite()));
            rejects.ifPresent(pending::add);
            Conversion.Summary counts = new Conversion.Summary(0, 0, 0, 0);
            for (Map.Entry<Path, List<String>> input : inputs.entrySet()) {
                Map<String, SplitOutput> outputs = new LinkedHashMap<>();
                for (String split : input.getValue()) {
                    outputs.put(split, SplitOutput.open(request, split, shape, container, files, target, reconcile,
                            pending));
                }
                try (DatasetReader in = DatasetReader.open(registry, input.getKey(), request.fromShape(),
                        Optional.empty(), request.roles())) {
                    reading.accept(in);
                    Function<Sample, ObjectNode> write;
                    if (outputs.size() == 1) {
                        write = outputs.values().iterator().next()::write;
                    } else {
                        HashSplitter splitter = new HashSplitter(request.split().orElseThrow(), request.seed());
                        write = sample -> outputs.get(splitter.assign(sample).fileStem()).write(sample);
                    }
                    counts = counts.plus(Conversion.copy(in, observed(write, layout, stats), s -> true, rejects));
                }
                outputs.forEach((split, out) -> {
                    written.add(out);
                    layout.split(split, out.layoutPath(), out.written().getAsLong());
                    if (out.written().getAsLong() > 0) {
                        withRows.put(split, out);
                    }
                });
            }
            if (counts.recordsIn() == 0) {
                throw Conversion.noRecords(request.dataset());
            }
            written.forEach(out -> out.finish().run());
            finish(files, request.outDir());
            List<String> warnings = reconcile ? reconcile(withRows, layout, target.get().id()) : List.of();
            ExportLayout built = layout.stats(stats.map(DatasetStats::toJson).orElseGet(Json::object)).build();
            List<Path> configs = target.map(t -> t.writeConfig(built, request.outDir(), request.overwrite()))
                    .orElse(List.of());
            written.forEach(out -> out.commit().run());
            rejects.ifPresent(RejectsFile::commit);
            return new Result(built, configs, counts, request.rejects(), warnings);
        } finally {
            pending.forEach(DatasetExport::closeQuietly);
        }
    }

    /** Writes a sample and feeds what was written to the layout and the statistics. */
    private static Function<Sample, ObjectNode> observed(Function<Sample, ObjectNode> write, ExportLayout.Builder layout,
            Optional<DatasetStats> stats) {
        return sample -> {
            ObjectNode record = write.apply(sample);
            layout.observe(sample, record);
            stats.ifPresent(s -> s.add(sample));
            return record;
        };
    }

    /**
     * Splits whose files hold different columns or struct fields: declares the type all their
     * values fit in the layout, for the framework's config; warns when there is none (a column
     * holding text in some records and numbers in others, say).
     */
    private static List<String> reconcile(Map<String, SplitOutput> splits, ExportLayout.Builder layout, String framework) {
        List<ValueTypes> types = splits.values().stream().map(out -> out.types().orElseThrow()).toList();
        Optional<ColumnType.Struct> all = types.stream().reduce(ValueTypes::with).flatMap(ValueTypes::recordType);
        if (all.isPresent()) {
            if (types.stream().distinct().count() > 1) {
                layout.recordType(all.get());
            }
            return List.of();
        }
        List<String> warnings = columnsMissing(splits, framework);
        return warnings.isEmpty() ? List.of("the splits hold values of different types in one column or struct field"
                + " (text in some records, numbers in others, say): " + framework + " loads the splits as one dataset"
                + " and may refuse them (fix: give the values of each field one JSON type)") : warnings;
    }

    /** For each split that lacks a column another split has, a warning naming both. */
    private static List<String> columnsMissing(Map<String, SplitOutput> splits, String framework) {
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, SplitOutput> split : splits.entrySet()) {
            Set<String> columns = split.getValue().types().orElseThrow().columns();
            for (Map.Entry<String, SplitOutput> other : splits.entrySet()) {
                List<String> missing = other.getValue().types().orElseThrow().columns().stream()
                        .filter(c -> !columns.contains(c)).sorted().toList();
                if (!missing.isEmpty()) {
                    warnings.add("split '" + split.getKey() + "' has no column " + String.join(", ", missing)
                            + ", which split '" + other.getKey() + "' has: " + framework + " loads the splits as one"
                            + " dataset and refuses splits whose columns differ (fix: give every record of the input"
                            + " the column, or none)");
                    break;
                }
            }
        }
        return warnings;
    }

    /** Lets the container complete the export's files, so that they agree on their columns. */
    private static void finish(FileSet files, Path outDir) {
        try {
            files.finish();
        } catch (IOException e) {
            throw new IoFailure(outDir, "complete the exported files in", e);
        }
    }

    /** Closing a writer that was not committed removes its files; that cannot fail in a way worth reporting. */
    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // best effort: the outputs' temporaries have hidden names
        }
    }

    /**
     * Input file to the splits it makes: a generate folder's split files, each its own split;
     * or one file, the train split, or with {@link ExportRequest#split()} the splits whose
     * ratio is not zero.
     */
    private static Map<Path, List<String>> inputs(ExportRequest request) {
        Path dataset = request.dataset();
        Map<Path, List<String>> inputs = new LinkedHashMap<>();
        if (!Files.isDirectory(dataset)) {
            if (request.part() == ExportRequest.Part.PREFERENCE) {
                throw new UsageException("--part preference needs a generate output folder, not the file " + dataset);
            }
            List<String> splits = request.split().map(ratios -> Arrays.stream(Split.values())
                    .filter(split -> ratios.of(split) > 0).map(Split::fileStem).toList()).orElse(List.of("train"));
            inputs.put(dataset, splits);
            return inputs;
        }
        if (request.split().isPresent()) {
            throw new UsageException("--ratios splits one dataset file; " + dataset + " is a folder, whose splits are"
                    + " made already: leave out --ratios, or give one file");
        }
        Path folder = request.part() == ExportRequest.Part.PREFERENCE ? dataset.resolve("preference") : dataset;
        List<String> missing = new ArrayList<>();
        for (String split : SPLITS) {
            Path file = folder.resolve(split + ".jsonl");
            if (Files.isRegularFile(file)) {
                inputs.put(file, List.of(split));
            } else {
                missing.add(file.toString());
            }
        }
        if (inputs.isEmpty()) {
            throw new UsageException(dataset + " holds no split files (looked for " + String.join(", ", missing)
                    + "); give a 'sftkit generate' output folder or a dataset file");
        }
        return inputs;
    }

    /**
     * Where one split goes: a file, or shards of at most {@code --max-rows-per-file} rows.
     *
     * @param layoutPath the split's file (or its shards' glob) relative to the output folder
     */
    private record SplitOutput(Function<Sample, ObjectNode> writer, LongSupplier written, Runnable finish,
            Runnable commit, Path layoutPath, Optional<ValueTypes> types) {

        SplitOutput(Function<Sample, ObjectNode> writer, LongSupplier written, Runnable finish, Runnable commit,
                Path layoutPath, boolean typed) {
            this(writer, written, finish, commit, layoutPath, typed ? Optional.of(new ValueTypes()) : Optional.empty());
        }

        /**
         * Opens the split's writer, adding it to {@code pending} so that it is closed (and,
         * uncommitted, removed).
         *
         * @param typed whether to note the types of the values written, see {@link ValueTypes}
         */
        static SplitOutput open(ExportRequest request, String split, Shape shape, Container container, FileSet files,
                Optional<FrameworkTarget> target, boolean typed, List<AutoCloseable> pending) {
            String extension = container.extensions().get(0);
            Path relative = target.map(t -> t.dataFile(split, extension)).orElseGet(() -> Path.of(split + "." + extension));
            if (request.maxRowsPerFile().isPresent()) {
                Path dir = request.outDir().resolve(relative).getParent();
                ShardedDatasetWriter out = ShardedDatasetWriter.create(dir, split, extension, shape, files,
                        request.maxRowsPerFile().getAsLong(), request.overwrite());
                pending.add(out);
                return new SplitOutput(out::write, out::written, out::finish, out::commit,
                        request.outDir().relativize(dir).resolve(split + "-*." + extension), typed);
            }
            DatasetWriter out = DatasetWriter.create(request.outDir().resolve(relative), shape, files,
                    request.overwrite());
            pending.add(out);
            return new SplitOutput(out::write, out::written, out::finish, out::commit, relative, typed);
        }

        /** Writes a sample, noting the types of its record's values when asked to. */
        ObjectNode write(Sample sample) {
            ObjectNode record = writer.apply(sample);
            types.ifPresent(t -> t.add(record));
            return record;
        }
    }
}
