package io.sftkit.cli;

import io.sftkit.core.UsageException;
import io.sftkit.core.io.RejectsFile;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/** What a command that writes a dataset does with bad records, and where it reports. */
final class ErrorOptions {

    /** {@code --on-error}: stop at the first bad record, or leave bad records out. */
    enum OnError {
        FAIL,
        SKIP
    }

    @Option(names = "--on-error", paramLabel = "fail|skip", defaultValue = "fail",
            description = "On a record that cannot be read or written: fail (stop with its error and write nothing) "
                    + "or skip (leave it out, note it in the rejects file, go on). Default: ${DEFAULT-VALUE}.")
    OnError onError;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "With --on-error skip: the rejects file, one JSON object per left-out record (line, record, "
                    + "field, problem, fix, raw text). Default: the output's name + .rejects.jsonl, beside it.")
    Path rejects;

    @Option(names = "--summary-json", paramLabel = "FILE",
            description = "Also write the run's summary as JSON to FILE: status, exit code, files, and the counts "
                    + "(records_in = written + filtered_out + rejected), also when the run fails.")
    Path summaryJson;

    /** {@code fail} or {@code skip}, as the JSON summary names it. */
    String onErrorName() {
        return onError.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Where rejected records go for an output at {@code output}, or empty to fail on the first.
     *
     * @throws UsageException for {@code --rejects} without {@code --on-error skip}, or naming the output itself
     */
    Optional<Path> rejectsFile(Path output) {
        if (onError == OnError.FAIL) {
            if (rejects != null) {
                throw new UsageException("--rejects " + rejects + " needs --on-error skip");
            }
            return Optional.empty();
        }
        Path file = rejects != null ? rejects : RejectsFile.besides(output);
        if (file.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
            throw new UsageException("--rejects " + file + " is the output itself; name another file");
        }
        return Optional.of(file);
    }

    Optional<Path> summaryJson() {
        return Optional.ofNullable(summaryJson);
    }
}
