package io.sftkit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sftkit.core.ExitCodes;
import io.sftkit.core.IoFailure;
import io.sftkit.core.SftkitException;
import io.sftkit.core.io.AtomicFile;
import io.sftkit.core.io.Conversion;
import io.sftkit.core.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The closing report of a command that writes a dataset: the one line on stderr, whose
 * counts always reconcile, and the same as JSON for {@code --summary-json}, written also when
 * the run fails so that an old summary never passes for this run's.
 */
final class RunSummary {

    private final ObjectNode json = Json.object();
    private final long start = System.nanoTime();

    RunSummary(String command) {
        json.put("command", command);
        json.put("status", "running");
    }

    RunSummary put(String name, Object value) {
        json.set(name, value == null ? json.nullNode() : Json.MAPPER.getNodeFactory().textNode(value.toString()));
        return this;
    }

    RunSummary counts(Conversion.Summary counts) {
        json.put("records_in", counts.recordsIn());
        json.put("written", counts.written());
        json.put("filtered_out", counts.filteredOut());
        json.put("rejected", counts.rejected());
        return this;
    }

    ObjectNode json() {
        return json;
    }

    /**
     * {@code records in = written [+ filtered out] + rejected}, then the details, e.g.
     * {@code 12 records in = 10 written + 2 rejected (alpaca -> sharegpt) in 0.12 s}.
     */
    static String line(Conversion.Summary counts, boolean showFiltered) {
        return String.format(Locale.ROOT, "%d records in = %d written%s + %d rejected", counts.recordsIn(), counts.written(),
                showFiltered ? " + " + counts.filteredOut() + " filtered out" : "", counts.rejected());
    }

    /**
     * How long the run has taken and how fast it read, e.g. {@code 3.18 s, 45.9 MB/s}; the
     * input's size goes into the JSON summary too.
     */
    String took(long inputBytes) {
        double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-3);
        json.put("input_bytes", inputBytes);
        return String.format(Locale.ROOT, "%.2f s, %.1f MB/s", seconds, inputBytes / 1e6 / seconds);
    }

    /**
     * Runs a command's work and writes the JSON summary, if asked for, with its outcome.
     *
     * @throws Exception whatever the work throws, after the summary is written
     */
    int run(Optional<Path> file, Callable<Integer> work) throws Exception {
        int code;
        try {
            code = work.call();
        } catch (SftkitException e) {
            finishFailed(file, e, e.exitCode(), e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            finishFailed(file, e, ExitCodes.INTERNAL, String.valueOf(e));
            throw e;
        }
        finish(file, "ok", code, null);
        return code;
    }

    /** Writes the failed run's summary, never hiding the run's own error behind one of its own. */
    private void finishFailed(Optional<Path> file, RuntimeException cause, int exitCode, String error) {
        try {
            finish(file, "failed", exitCode, error);
        } catch (SftkitException e) {
            cause.addSuppressed(e);
        }
    }

    private void finish(Optional<Path> file, String status, int exitCode, String error) {
        if (file.isEmpty()) {
            return;
        }
        json.put("status", status);
        json.put("exit_code", exitCode);
        if (error != null) {
            json.put("error", error);
        }
        json.put("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
        try (AtomicFile out = AtomicFile.begin(file.get(), true)) {
            try {
                Files.writeString(out.temp(), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
            } catch (IOException e) {
                throw new IoFailure(file.get(), "write", e);
            }
            out.commit();
        }
    }
}
