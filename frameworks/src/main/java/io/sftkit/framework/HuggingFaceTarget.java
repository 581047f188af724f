package io.sftkit.framework;

import io.sftkit.framework.impl.DatasetCardWriter;
import io.sftkit.spi.ExportLayout;
import io.sftkit.spi.FrameworkTarget;
import java.nio.file.Path;
import java.util.List;

/**
 * HuggingFace datasets: any column layout loads, so there are no row rules; writes a
 * dataset card whose front matter maps splits to files.
 */
public final class HuggingFaceTarget implements FrameworkTarget {

    public static final String ID = "hf";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "HuggingFace datasets: writes a dataset card README.md with splits, columns and statistics";
    }

    /** The Hub's layout: data files under {@code data/}, which the card's {@code configs:} point at. */
    @Override
    public Path dataFile(String split, String extension) {
        return Path.of("data", split + "." + extension);
    }

    /** The card's {@code data_files} take globs, as the Hub's own shard layout needs. */
    @Override
    public boolean readsShardGlobs() {
        return true;
    }

    /** HF casts every split of the card's config to one schema, and refuses splits whose columns differ. */
    @Override
    public boolean loadsSplitsAsOneDataset() {
        return true;
    }

    @Override
    public void checkExport(String shapeId, String containerId) {
        DatasetCardWriter.checkExport(shapeId, containerId);
    }

    @Override
    public List<Path> writeConfig(ExportLayout layout, Path outputDir, boolean overwrite) {
        return DatasetCardWriter.write(layout, outputDir, overwrite);
    }
}
