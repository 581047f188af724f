package io.sftkit.spi;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sftkit.core.Message;
import io.sftkit.core.Metadata;
import io.sftkit.core.Role;
import io.sftkit.core.Sample;
import io.sftkit.core.io.Json;
import io.sftkit.spi.Shape.Feature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What an export wrote, as a {@link FrameworkTarget} needs it to describe the data in the
 * framework's own config: the files per split and what the records hold. Build it with
 * {@link #builder(String, String, String)} while writing, calling
 * {@link Builder#observe(Sample, ObjectNode)} for every sample written.
 *
 * @param datasetName the dataset's name, used for config entries ({@code <name>_train}) and titles
 * @param shapeId the shape the files are written in, e.g. {@code sharegpt}
 * @param containerId the container the files are stored in, e.g. {@code jsonl}
 * @param splits the files, in the order they should be listed; at least one
 * @param features what the data carries (preference pairs, system prompts, multi-turn, tools,
 *     metadata); decides e.g. {@code ranking: true}
 * @param columns the top-level record columns the files hold, in first-seen order; config
 *     writers declare only columns that are present
 * @param languages language codes seen in the samples' metadata, sorted
 * @param stats dataset statistics to show in a dataset card; may be an empty object
 * @param recordType the type of the records' values in all splits together, for a framework
 *     that loads the splits as one dataset ({@link FrameworkTarget#loadsSplitsAsOneDataset()})
 *     when their files differ in columns or struct fields: declared in its config (a dataset
 *     card's features), it has the framework fill in what a file lacks
 */
public record ExportLayout(
        String datasetName,
        String shapeId,
        String containerId,
        List<SplitFile> splits,
        Set<Feature> features,
        Set<String> columns,
        List<String> languages,
        ObjectNode stats,
        Optional<ColumnType.Struct> recordType) {

    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    public ExportLayout {
        requireNonNull(datasetName, "datasetName is null");
        if (datasetName.isBlank() || datasetName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("dataset name must be non-blank text on one line: '" + datasetName + "'");
        }
        requireNonNull(shapeId, "shapeId is null");
        requireNonNull(containerId, "containerId is null");
        requireNonNull(splits, "splits is null");
        splits = List.copyOf(splits);
        if (splits.isEmpty()) {
            throw new IllegalArgumentException("an export has at least one split file");
        }
        Set<String> names = new HashSet<>();
        Set<Path> files = new HashSet<>();
        for (SplitFile s : splits) {
            if (!names.add(s.name()) || !files.add(s.file())) {
                throw new IllegalArgumentException("split " + s.name() + " (" + s.file() + ") is listed twice");
            }
        }
        requireNonNull(features, "features is null");
        features = Collections.unmodifiableSet(features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features));
        requireNonNull(columns, "columns is null");
        columns = Collections.unmodifiableSet(new LinkedHashSet<>(columns));
        if (columns.isEmpty() && splits.stream().anyMatch(s -> s.rows() > 0)) {
            throw new IllegalArgumentException("the files have rows but no columns are known;"
                    + " call Builder.observe for each sample written");
        }
        requireNonNull(languages, "languages is null");
        languages = List.copyOf(languages);
        requireNonNull(stats, "stats is null");
        stats = stats.deepCopy();
        requireNonNull(recordType, "recordType is null");
    }

    public static Builder builder(String datasetName, String shapeId, String containerId) {
        return new Builder(datasetName, shapeId, containerId);
    }

    public boolean has(Feature feature) {
        return features.contains(feature);
    }

    public boolean hasColumn(String column) {
        return columns.contains(column);
    }

    /** The statistics object; a copy, so callers cannot change the layout. */
    @Override
    public ObjectNode stats() {
        return stats.deepCopy();
    }

    /** The rows in all splits together. */
    public long totalRows() {
        return splits.stream().mapToLong(SplitFile::rows).sum();
    }

    /**
     * One written file.
     *
     * @param name the split, e.g. {@code train}, {@code val}, {@code test}: letters, digits, underscore
     * @param file the file's path relative to the export's output folder, e.g. {@code train.jsonl}
     * @param rows how many records it holds
     */
    public record SplitFile(String name, Path file, long rows) {

        private static final Pattern SPLIT_NAME = Pattern.compile("[A-Za-z0-9_]+");

        public SplitFile {
            requireNonNull(name, "name is null");
            requireNonNull(file, "file is null");
            if (!SPLIT_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("split name '" + name + "' must be letters, digits and underscores");
            }
            file = file.normalize();
            if (file.isAbsolute() || file.toString().isEmpty() || file.startsWith("..")) {
                throw new IllegalArgumentException("split file " + file + " must be relative to the output folder");
            }
            if (rows < 0) {
                throw new IllegalArgumentException("negative row count " + rows);
            }
        }

        /** The relative path with {@code /} separators, as config files write it on every OS. */
        public String portablePath() {
            List<String> parts = new ArrayList<>();
            file.forEach(p -> parts.add(p.toString()));
            return String.join("/", parts);
        }
    }

    /** Collects a layout while an export writes; not thread-safe. */
    public static final class Builder {
        private final String datasetName;
        private final String shapeId;
        private final String containerId;
        private final List<SplitFile> splits = new ArrayList<>();
        private final Set<Feature> features = EnumSet.noneOf(Feature.class);
        private final Set<String> columns = new LinkedHashSet<>();
        private final Set<String> languages = new TreeSet<>();
        private ObjectNode stats = Json.object();
        private Optional<ColumnType.Struct> recordType = Optional.empty();

        private Builder(String datasetName, String shapeId, String containerId) {
            this.datasetName = requireNonNull(datasetName, "datasetName is null");
            this.shapeId = requireNonNull(shapeId, "shapeId is null");
            this.containerId = requireNonNull(containerId, "containerId is null");
        }

        public Builder split(String name, Path file, long rows) {
            splits.add(new SplitFile(name, file, rows));
            return this;
        }

        /** Records what one written sample carries and which columns its record has. */
        public Builder observe(Sample sample, ObjectNode record) {
            requireNonNull(sample, "sample is null");
            requireNonNull(record, "record is null");
            features.addAll(featuresOf(sample));
            record.fieldNames().forEachRemaining(columns::add);
            sample.metadata().language().filter(l -> LANGUAGE_CODE.matcher(l).matches()).ifPresent(languages::add);
            return this;
        }

        public Builder feature(Feature feature) {
            features.add(requireNonNull(feature, "feature is null"));
            return this;
        }

        public Builder column(String column) {
            columns.add(requireNonNull(column, "column is null"));
            return this;
        }

        public Builder language(String code) {
            languages.add(requireNonNull(code, "code is null"));
            return this;
        }

        public Builder stats(ObjectNode value) {
            stats = requireNonNull(value, "stats is null");
            return this;
        }

        public Builder recordType(ColumnType.Struct type) {
            recordType = Optional.of(requireNonNull(type, "type is null"));
            return this;
        }

        public ExportLayout build() {
            return new ExportLayout(datasetName, shapeId, containerId, splits, features, columns,
                    List.copyOf(languages), stats, recordType);
        }
    }

    /**
     * What one sample carries: {@code PREFERENCE} with a chosen/rejected pair,
     * {@code SYSTEM_PROMPT} with a system message, {@code MULTI_TURN} with more than one user
     * turn, {@code TOOLS} with tool definitions or tool turns, {@code METADATA} with any metadata.
     */
    public static Set<Feature> featuresOf(Sample sample) {
        Set<Feature> found = EnumSet.noneOf(Feature.class);
        if (sample.preference().isPresent()) {
            found.add(Feature.PREFERENCE);
        }
        int userTurns = 0;
        for (Message m : sample.messages()) {
            switch (m.role()) {
                case SYSTEM -> found.add(Feature.SYSTEM_PROMPT);
                case USER -> userTurns++;
                case TOOL_CALL, TOOL -> found.add(Feature.TOOLS);
                case ASSISTANT -> { }
            }
        }
        if (userTurns > 1) {
            found.add(Feature.MULTI_TURN);
        }
        boolean replyCallsTool = sample.preference()
                .map(p -> p.chosen().role() == Role.TOOL_CALL || p.rejected().role() == Role.TOOL_CALL).orElse(false);
        if (sample.tools().isPresent() || replyCallsTool) {
            found.add(Feature.TOOLS);
        }
        if (!sample.metadata().equals(Metadata.EMPTY)) {
            found.add(Feature.METADATA);
        }
        return found;
    }
}
