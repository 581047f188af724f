package io.sftkit.framework.impl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sftkit.core.io.Json;
import io.sftkit.spi.ExportLayout;
import io.sftkit.spi.ExportLayout.SplitFile;
import io.sftkit.spi.Shape.Feature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A HuggingFace dataset card, {@code README.md}: YAML front matter whose {@code configs}
 * tell {@code datasets.load_dataset} which file holds which split (and, when the split files
 * differ in columns, whose {@code dataset_info.features} give the types of all of them, so
 * that HF fills in what a file lacks), then a description of the columns and the dataset's
 * statistics.
 */
public final class DatasetCardWriter {

    public static final String FILE_NAME = "README.md";

    /** The Hub's {@code size_categories} buckets, by their upper bound. */
    private static final long[] SIZE_BOUNDS = {
        1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
        10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L
    };
    private static final String[] SIZE_NAMES = {
        "n<1K", "1K<n<10K", "10K<n<100K", "100K<n<1M", "1M<n<10M", "10M<n<100M", "100M<n<1B",
        "1B<n<10B", "10B<n<100B", "100B<n<1T"
    };

    private DatasetCardWriter() {}

    public static void checkExport(String shapeId, String containerId) {
        ConfigFiles.requireLoadable("HuggingFace datasets", containerId);
    }

    public static List<Path> write(ExportLayout layout, Path outputDir, boolean overwrite) {
        checkExport(layout.shapeId(), layout.containerId());
        String text = "---\n" + Yaml.write(frontMatter(layout)) + "---\n\n" + body(layout);
        return List.of(ConfigFiles.write(outputDir, FILE_NAME, text, overwrite));
    }

    static ObjectNode frontMatter(ExportLayout layout) {
        ObjectNode card = Json.object();
        card.put("pretty_name", layout.datasetName());
        ObjectNode config = card.putArray("configs").addObject();
        config.put("config_name", "default");
        ArrayNode files = config.putArray("data_files");
        for (SplitFile s : layout.splits()) {
            files.addObject().put("split", s.name()).put("path", s.portablePath());
        }
        layout.recordType().ifPresent(type -> card.putObject("dataset_info").set("features", HfFeatures.of(type)));
        if (!layout.languages().isEmpty()) {
            ArrayNode languages = card.putArray("language");
            layout.languages().forEach(languages::add);
        }
        card.putArray("task_categories").add("text-generation");
        ArrayNode tags = card.putArray("tags").add("sft").add(layout.shapeId());
        if (layout.has(Feature.PREFERENCE)) {
            tags.add("preference");
        }
        card.putArray("size_categories").add(sizeCategory(layout.totalRows()));
        return card;
    }

    static String sizeCategory(long rows) {
        for (int i = 0; i < SIZE_BOUNDS.length; i++) {
            if (rows < SIZE_BOUNDS[i]) {
                return SIZE_NAMES[i];
            }
        }
        return "n>1T";
    }

    private static String body(ExportLayout layout) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(layout.datasetName()).append("\n\n");
        md.append("Supervised fine-tuning data in the **").append(layout.shapeId()).append("** shape, stored as **")
                .append(layout.containerId()).append("** files, written by sftkit.");
        List<String> carries = carries(layout);
        if (!carries.isEmpty()) {
            String last = carries.remove(carries.size() - 1);
            md.append(" It carries ").append(carries.isEmpty() ? last : String.join(", ", carries) + " and " + last).append('.');
        }
        md.append("\n\n## Files\n\n| split | file | rows |\n|---|---|---|\n");
        for (SplitFile s : layout.splits()) {
            md.append("| ").append(s.name()).append(" | `").append(s.portablePath()).append("` | ").append(s.rows()).append(" |\n");
        }
        md.append("\n## Columns\n\n| column | holds |\n|---|---|\n");
        for (String column : layout.columns()) {
            md.append("| `").append(column).append("` | ")
                    .append(ShapeVocabulary.describeColumn(layout.shapeId(), column).replace("|", "\\|")).append(" |\n");
        }
        md.append("\n## Loading\n\n```python\nfrom datasets import load_dataset\n\n")
                .append("ds = load_dataset(\"path/to/this/folder\")  # or the dataset's Hub id once uploaded\n")
                .append("print(ds[\"").append(layout.splits().get(0).name()).append("\"][0])\n```\n");
        if (!layout.stats().isEmpty()) {
            md.append("\n## Statistics\n\n").append(StatsMarkdown.render(layout.stats(), 3));
        }
        return md.toString();
    }

    private static List<String> carries(ExportLayout layout) {
        List<String> parts = new ArrayList<>();
        if (layout.has(Feature.PREFERENCE)) {
            parts.add("preference pairs (a chosen and a rejected reply per prompt)");
        }
        if (layout.has(Feature.SYSTEM_PROMPT)) {
            parts.add("system prompts");
        }
        if (layout.has(Feature.MULTI_TURN)) {
            parts.add("multi-turn conversations");
        }
        if (layout.has(Feature.TOOLS)) {
            parts.add("tool calls and tool definitions");
        }
        if (layout.has(Feature.METADATA)) {
            parts.add("per-sample metadata");
        }
        return parts;
    }
}
