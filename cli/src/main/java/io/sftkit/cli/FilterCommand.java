package io.sftkit.cli;

import io.sftkit.core.SampleFilter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "filter", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Keep the samples that match every condition: by quality, brand, task or any metadata field, and by "
                    + "output length.",
            "",
            "Works on any supported format; the output keeps the input's shape unless --to names another. "
                    + "The closing line counts the records: in = written + filtered out + rejected.",
            ""
        },
        footer = {"", "Example:",
            "  sftkit filter data/generated/train.jsonl coffeelab-good.jsonl --where metadata.brand=CoffeeLab --where metadata.quality=good"})
final class FilterCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INPUT", description = "Dataset file to read.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUTPUT", description = "File to write.")
    Path output;

    @Option(names = "--where", paramLabel = "KEY=VALUE",
            description = "Keep samples whose field equals VALUE: id, metadata.brand, metadata.task, metadata.quality, metadata.<any field>. Repeatable; all must hold.")
    List<String> where = new ArrayList<>();

    @Option(names = "--min-output-chars", paramLabel = "N", defaultValue = "0",
            description = "Keep samples whose output has at least N characters (code points). Default: ${DEFAULT-VALUE}.")
    int minOutputChars;

    @Option(names = "--to", paramLabel = "FORMAT", description = "Shape of the output. Default: the input's.")
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
        RunSummary summary = new RunSummary("filter").put("input", input).put("output", output)
                .put("on_error", errorOptions.onErrorName());
        return summary.run(errorOptions.summaryJson(), () -> {
            SampleFilter filter = SampleFilter.of(where, minOutputChars);
            FileConversion.Done done = FileConversion.run(spec, "filter", summary, input, output, inputOptions,
                    outputOptions, errorOptions, in -> to == null ? in.shape() : Registry.get().shape(to),
                    in -> to == null ? in.shape().id() : to, filter);
            Reporter.summary(spec, "filter: %s in %s; wrote %s%s", RunSummary.line(done.counts(), true), done.took(),
                    output, done.rejectsNote());
            return 0;
        });
    }
}
