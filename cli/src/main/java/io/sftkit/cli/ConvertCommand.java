package io.sftkit.cli;

import io.sftkit.spi.Shape;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Convert a dataset file from one format to another, streaming record by record.",
            "",
            "The input's shape is detected from its first records (or --from); --to names the output's shape and "
                    + "the output's extension its container (.jsonl, .json, .csv, .parquet). "
                    + "Nothing is written at OUTPUT unless the whole conversion succeeds. An input without records is "
                    + "an error. The closing line counts the records: in = written + rejected.",
            ""
        },
        footer = {"", "Examples:", "  sftkit convert alpaca_en_demo.json train.jsonl --to sharegpt",
            "  sftkit convert scraped.jsonl clean.jsonl --to chatml --on-error skip --summary-json run.json", ""})
final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INPUT", description = "Dataset file to read (.jsonl, .json, .csv, .parquet; .gz read).")
    Path input;

    @Parameters(index = "1", paramLabel = "OUTPUT", description = "File to write.")
    Path output;

    @Option(names = "--to", required = true, paramLabel = "FORMAT",
            description = "Shape of the output: alpaca, sharegpt, chatml, canonical, or a plug-in's (see 'sftkit formats').")
    String to;

    @Mixin
    InputOptions inputOptions;

    @Mixin
    OutputOptions outputOptions;

    @Mixin
    ErrorOptions errorOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunSummary summary = new RunSummary("convert").put("input", input).put("output", output).put("to", to)
                .put("on_error", errorOptions.onErrorName());
        return summary.run(errorOptions.summaryJson(), () -> {
            Shape shape = Registry.get().shape(to);
            FileConversion.Done done = FileConversion.run(spec, "convert", summary, input, output, inputOptions,
                    outputOptions, errorOptions, in -> shape, in -> to, s -> true);
            Reporter.summary(spec, "convert: %s (%s -> %s) in %s; wrote %s%s", RunSummary.line(done.counts(), false),
                    done.from(), to, done.took(), output, done.rejectsNote());
            return 0;
        });
    }
}
