package io.sftkit.cli;

import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;

/** Prints a command's closing summary and warnings on stderr, unless --quiet. */
final class Reporter {

    private Reporter() {}

    static void summary(CommandSpec spec, String format, Object... args) {
        if (Verbosity.current() != Verbosity.QUIET) {
            var err = spec.commandLine().getErr();
            err.println(String.format(Locale.ROOT, format, args));
            err.flush();
        }
    }

    /** A warning about the output, on stderr, unless --quiet. */
    static void warning(CommandSpec spec, String warning) {
        summary(spec, "sftkit: warning: %s", warning);
    }
}
