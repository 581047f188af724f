package io.sftkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sftkit.core.RoleNames;
import io.sftkit.core.export.DatasetExport;
import io.sftkit.core.export.ExportRequest;
import io.sftkit.core.split.SplitRatios;
import io.sftkit.core.split.Splitter;
import io.sftkit.spi.ExportLayout;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Export a dataset for a training framework: its splits in the chosen format, plus the framework's config "
                    + "(LLaMA-Factory dataset_info.json, an Axolotl datasets YAML snippet, or a HuggingFace dataset card).",
            ""
        },
        footer = {"", "Examples:",
            "  sftkit export data/generated --to sharegpt --for llama-factory --out export/lf",
            "  sftkit export data/generated --to chatml --for hf --out export/hf",
            "  sftkit export data/generated --part preference --to sharegpt --for llama-factory --out export/lf-dpo",
            "  sftkit export big.jsonl --ratios 0.98,0.01,0.01 --to chatml --container parquet --for hf --out export/big",
            "",
            "Nothing is moved into place until every split was read to its end. With --on-error skip the rejects "
                    + "file defaults to DIR.rejects.jsonl, beside the folder.",
            ""})
final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DATASET",
            description = "A 'sftkit generate' output folder (its train/val/test.jsonl) or one dataset file (exported as the train split, or split with --ratios).")
    Path dataset;

    @Option(names = "--to", required = true, paramLabel = "FORMAT",
            description = "Shape of the exported files: alpaca, sharegpt, chatml, canonical, or a plug-in's.")
    String to;

    @Option(names = "--for", paramLabel = "FRAMEWORK",
            description = "Write this framework's config too: llama-factory, axolotl or hf. Default: no config."
                    + " With hf, whose load_dataset reads the splits as one dataset, splits whose columns differ"
                    + " still load: Parquet files share their columns, and for JSON the card declares the types of"
                    + " all splits.")
    String framework;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
    Path out;

    @Option(names = "--container", paramLabel = "CONTAINER",
            description = "Container of the exported files: jsonl (default), json, csv, parquet.")
    String container;

    @Option(names = "--compression", paramLabel = "CODEC",
            description = "Parquet compression: zstd (default), snappy, gzip or none.")
    String compression;

    @Option(names = "--compression-level", paramLabel = "N", description = OutputOptions.COMPRESSION_LEVEL_HELP)
    Integer compressionLevel;

    @Option(names = "--max-rows-per-file", paramLabel = "N",
            description = "Write each split as shards of at most N rows, named as the HuggingFace Hub does (train-00000-of-00003.parquet).")
    Long maxRowsPerFile;

    @Option(names = "--ratios", paramLabel = "TRAIN,VAL,TEST",
            description = "Split one dataset file into train, val and test as it streams, in about these ratios (summing to 1):"
                    + " each sample goes where a seeded hash of its normalised output sends it, so equal outputs never"
                    + " land in two splits and memory does not grow with the input. Sizes are within sampling noise of"
                    + " the ratios; a split of ratio 0 is not written.")
    String ratios;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + Splitter.DEFAULT_SEED,
            description = "Seed of the --ratios split. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "sftkit",
            description = "The dataset's name in the framework's config. Default: ${DEFAULT-VALUE}.")
    String name;

    @Option(names = "--part", paramLabel = "PART", defaultValue = "sft",
            description = "Of a generate folder, export the SFT splits (sft) or the preference pairs (preference). Default: ${DEFAULT-VALUE}.")
    ExportRequest.Part part;

    @Option(names = "--force", description = "Overwrite existing files.")
    boolean force;

    @Mixin
    InputOptions inputOptions;

    @Mixin
    ErrorOptions errorOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunSummary summary = new RunSummary("export").put("input", dataset).put("output", out).put("to", to)
                .put("for", framework).put("on_error", errorOptions.onErrorName());
        return summary.run(errorOptions.summaryJson(), () -> {
            inputOptions.applyLimits();
            Optional<Path> rejects = errorOptions.rejectsFile(out);
            ExportRequest request = new ExportRequest(dataset, part, Optional.ofNullable(inputOptions.from),
                    RoleNames.parse(inputOptions.roleMap), to, Optional.ofNullable(container),
                    OutputOptions.containerOptions(compression, compressionLevel),
                    maxRowsPerFile == null ? OptionalLong.empty() : OptionalLong.of(maxRowsPerFile),
                    Optional.ofNullable(framework), out, name, force, rejects,
                    Optional.ofNullable(ratios).map(SplitRatios::parse), seed);
            DatasetExport.Result result;
            LongAdder inputBytes = new LongAdder();
            try (Progress progress = Progress.start(spec, "export")) {
                result = new DatasetExport(Registry.get()).run(request, in -> {
                    progress.follow(in);
                    inputBytes.add(in.size());
                });
            }
            summary.counts(result.counts()).put("rejects_file", result.rejectsFile().orElse(null));
            ArrayNode files = summary.json().putArray("splits");
            for (ExportLayout.SplitFile split : result.layout().splits()) {
                files.addObject().put("name", split.name()).put("rows", split.rows())
                        .put("file", out.resolve(split.file()).toString());
            }
            ArrayNode configs = summary.json().putArray("configs");
            result.configFiles().forEach(c -> configs.add(c.toString()));
            ArrayNode warnings = summary.json().putArray("warnings");
            result.warnings().forEach(warnings::add);
            if (Verbosity.current() == Verbosity.QUIET) {
                return 0;
            }
            var stdout = spec.commandLine().getOut();
            for (ExportLayout.SplitFile split : result.layout().splits()) {
                stdout.printf("%-6s %6d rows  %s%n", split.name(), split.rows(), out.resolve(split.file()));
            }
            for (Path config : result.configFiles()) {
                stdout.printf("config             %s%n", config);
            }
            stdout.flush();
            result.warnings().forEach(w -> Reporter.warning(spec, w));
            Reporter.summary(spec, "export: %s (%s) in %s%s", RunSummary.line(result.counts(), false), to,
                    summary.took(inputBytes.sum()), result.rejectsFile().map(f -> "; rejects to " + f).orElse(""));
            return 0;
        });
    }
}
