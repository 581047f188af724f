package io.sftkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sftkit.core.RoleNames;
import io.sftkit.core.io.DatasetReader;
import io.sftkit.spi.FormatRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {

    @TempDir
    Path dir;

    @Test
    void showsABarTheRateAndTheTimeLeftWhenTheSizeIsKnown() {
        assertThat(Progress.line("convert", 412_000, 45_000_000, 100_000_000, 98_100_000, 0))
                .isEqualTo("convert [#########-----------]  45%  412,000 records  98.1 MB/s  ETA 1 s");
        assertThat(Progress.line("export", 5, 10, 1_000_010, 1000, 0)).endsWith("ETA 16:40");
        assertThat(Progress.line("export", 5, 10, 3_600_010, 1000, 0)).endsWith("ETA 1:00:00");
    }

    @Test
    void showsRecordsPerSecondWhenBytesAreNotCounted() {
        assertThat(Progress.line("convert", 1500, 0, 4096, 0, 750.4)).isEqualTo("convert  1,500 records  750 records/s");
    }

    @Test
    void drawsOverOneLineAndClearsItOnClose() throws Exception {
        Path file = dir.resolve("in.jsonl");
        Files.writeString(file, "{\"instruction\": \"q\", \"output\": \"a\"}\n".repeat(50), StandardCharsets.UTF_8);
        StringWriter err = new StringWriter();
        Progress progress = Progress.drawingOn(new PrintWriter(err, true), "convert", 0);
        try (DatasetReader in = DatasetReader.open(FormatRegistry.load(getClass().getClassLoader()), file,
                Optional.empty(), Optional.empty(), RoleNames.DEFAULT)) {
            progress.follow(in);
            while (in.next().isPresent()) {
                // read to the end
            }
            for (int i = 0; i < 100 && !err.toString().contains("50 records"); i++) {
                Thread.sleep(Progress.PERIOD_MS / 4);
            }
        }
        progress.close();
        progress.close();

        String shown = err.toString();
        List<String> lines = Arrays.stream(shown.split("\r")).filter(l -> !l.isBlank()).toList();
        assertThat(shown).startsWith("\rconvert [").doesNotContain("\n").matches("(?s).*\r +\r");
        assertThat(lines.get(lines.size() - 1)).startsWith("convert [####################] 100%  50 records");
    }

    @Test
    void showsNothingWithoutATerminal() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path file = dir.resolve("in.jsonl");
        Files.writeString(file, "{\"instruction\": \"q\", \"output\": \"a\"}\n", StandardCharsets.UTF_8);
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "convert", file.toString(),
                dir.resolve("out.jsonl").toString(), "--to", "sharegpt");

        assertThat(code).isZero();
        assertThat(err.toString()).doesNotContain("\r").startsWith("convert: 1 records in = 1 written + 0 rejected");
    }

    @Test
    void theSummaryLineTellsTimeAndThroughput() throws Exception {
        StringWriter err = new StringWriter();
        Path file = dir.resolve("in.jsonl");
        Files.writeString(file, "{\"instruction\": \"q\", \"output\": \"a\"}\n", StandardCharsets.UTF_8);
        Path summary = dir.resolve("summary.json");
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "convert",
                file.toString(), dir.resolve("out.jsonl").toString(), "--to", "sharegpt", "--summary-json", summary.toString());

        assertThat(code).isZero();
        assertThat(err.toString()).matches("convert: 1 records in = 1 written \\+ 0 rejected \\(alpaca -> sharegpt\\)"
                + " in \\d+\\.\\d\\d s, \\d+\\.\\d MB/s; wrote .*out\\.jsonl\\R");
        assertThat(Files.readString(summary)).contains("\"input_bytes\" : " + Files.size(file));
    }
}
