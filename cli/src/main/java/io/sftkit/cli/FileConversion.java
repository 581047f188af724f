package io.sftkit.cli;

import io.sftkit.core.Sample;
import io.sftkit.core.io.Conversion;
import io.sftkit.core.io.DatasetReader;
import io.sftkit.core.io.DatasetWriter;
import io.sftkit.spi.Shape;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code convert} and {@code filter} share: one dataset file streamed into another, with
 * a progress line, the rejects file of {@code --on-error skip}, and the run's counts in its
 * JSON summary.
 */
final class FileConversion {

    /**
     * How the run went, for the command's closing line.
     *
     * @param from the input's shape
     * @param took time and throughput, as {@link RunSummary#took} tells them
     * @param rejectsNote where the rejects went, or nothing
     */
    record Done(Conversion.Summary counts, String from, String took, String rejectsNote) {}

    private FileConversion() {}

    /**
     * Streams {@code input} into {@code output}, keeping the samples {@code keep} accepts.
     *
     * @param outputShape the output's shape, given the opened input
     * @param to the output's shape as the summary names it, given the opened input
     */
    static Done run(CommandSpec spec, String command, RunSummary summary, Path input, Path output,
            InputOptions inputOptions, OutputOptions outputOptions, ErrorOptions errorOptions,
            Function<DatasetReader, Shape> outputShape, Function<DatasetReader, String> to, Predicate<Sample> keep) {
        Optional<Path> rejectsPath = errorOptions.rejectsFile(output);
        try (Progress progress = Progress.start(spec, command);
                DatasetReader in = inputOptions.open(input);
                DatasetWriter out = outputOptions.create(output, outputShape.apply(in));
                Rejects rejects = Rejects.open(rejectsPath, outputOptions.force)) {
            summary.put("from", in.shape().id()).put("to", to.apply(in)).put("rejects_file", rejectsPath.orElse(null));
            progress.follow(in);
            Conversion.Summary counts = Conversion.run(in, out, keep, rejects.file());
            progress.close();
            summary.counts(counts);
            return new Done(counts, in.shape().id(), summary.took(in.size()), rejects.note());
        }
    }
}
