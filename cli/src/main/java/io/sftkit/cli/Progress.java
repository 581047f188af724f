package io.sftkit.cli;

import io.sftkit.core.io.DatasetReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A progress line on stderr while a command reads a dataset: records, MB/s and, when the
 * file's size is known, a bar and the time left, counted from the bytes read. It appears
 * only once the run has taken {@value #DELAY_MS} ms, is redrawn at most every
 * {@value #PERIOD_MS} ms, and is cleared by {@link #close()}, before the closing summary.
 * Nothing is shown with {@code --quiet} or when the console is not a terminal.
 */
final class Progress implements AutoCloseable {

    static final long DELAY_MS = 1000;
    static final long PERIOD_MS = 200;
    private static final int BAR = 20;
    /** Rates are measured over the last this many draws (two seconds), so they follow the current speed. */
    private static final int WINDOW = 10;

    private final PrintWriter err;
    private final String label;
    private final LongSupplier clock;
    private final long start;
    private final long delayMs;
    private final Thread thread;
    private volatile DatasetReader reader;
    private long recordsBefore;
    /** Bytes and records read at each of the last draws, and when: the rates are taken over these. */
    private final long[][] window = new long[WINDOW][];
    private int draws;
    private int shown;
    private boolean closed;

    private Progress(PrintWriter err, String label, long delayMs, boolean draw) {
        this.err = err;
        this.label = label;
        this.clock = System::nanoTime;
        this.start = clock.getAsLong();
        this.delayMs = delayMs;
        this.thread = draw ? startDrawing() : null;
    }

    /** A progress line for {@code label} (e.g. {@code convert}), or one that shows nothing where none belongs. */
    static Progress start(CommandSpec spec, String label) {
        boolean draw = Verbosity.current() != Verbosity.QUIET && System.console() != null && stderrIsTerminal();
        return new Progress(spec.commandLine().getErr(), label, DELAY_MS, draw);
    }

    /**
     * Whether stderr goes to a terminal. {@link System#console()} only tells about stdin and
     * stdout; where {@code /proc} shows what file descriptor 2 is (Linux), a redirected stderr
     * gets no progress either.
     */
    private static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return true; // no /proc: System.console() decides
        }
    }

    /** A progress line drawn on {@code err} after {@code delayMs}, whatever the console: for tests. */
    static Progress drawingOn(PrintWriter err, String label, long delayMs) {
        return new Progress(err, label, delayMs, true);
    }

    /** Follows {@code next} from now on, counting the records of the readers followed before. */
    synchronized void follow(DatasetReader next) {
        if (reader != null) {
            recordsBefore += reader.recordsRead();
        }
        reader = next;
    }

    private Thread startDrawing() {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(delayMs);
                while (true) {
                    draw();
                    Thread.sleep(PERIOD_MS);
                }
            } catch (InterruptedException e) {
                // closed
            }
        }, "sftkit-progress");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private synchronized void draw() {
        DatasetReader r = reader;
        if (closed || r == null) {
            return;
        }
        long now = clock.getAsLong();
        long records = recordsBefore + r.recordsRead();
        long bytes = r.bytesRead();
        long[] then = draws < WINDOW ? new long[] {start, 0, 0} : window[draws % WINDOW];
        window[draws++ % WINDOW] = new long[] {now, bytes, records};
        double seconds = Math.max((now - then[0]) / 1e9, 1e-3);
        String line = line(label, records, bytes, r.size(), Math.max(0, bytes - then[1]) / seconds,
                Math.max(0, records - then[2]) / seconds);
        err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        err.flush();
        shown = line.length();
    }

    /**
     * The progress line, e.g. {@code convert [#########-----------]  45%  412,000 records  98.1 MB/s  ETA 6 s}.
     *
     * @param bytes bytes read so far, 0 when the container does not count them
     * @param size the file's size in bytes
     * @param bytesPerSecond the current reading speed
     * @param recordsPerSecond the current speed in records, shown when bytes are not counted
     */
    static String line(String label, long records, long bytes, long size, double bytesPerSecond,
            double recordsPerSecond) {
        StringBuilder sb = new StringBuilder(label);
        boolean sized = bytes > 0 && size > 0;
        if (sized) {
            double done = Math.min(1.0, (double) bytes / size);
            int filled = (int) Math.round(done * BAR);
            sb.append(" [").append("#".repeat(filled)).append("-".repeat(BAR - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%%", (int) Math.floor(done * 100)));
        }
        sb.append(String.format(Locale.ROOT, "  %,d records", records));
        if (bytes > 0) {
            sb.append(String.format(Locale.ROOT, "  %.1f MB/s", bytesPerSecond / 1e6));
            if (sized && bytes < size && bytesPerSecond > 0) {
                sb.append("  ETA ").append(duration((size - bytes) / bytesPerSecond));
            }
        } else {
            sb.append(String.format(Locale.ROOT, "  %,d records/s", Math.round(recordsPerSecond)));
        }
        return sb.toString();
    }

    private static String duration(double seconds) {
        long s = Math.round(Math.ceil(seconds));
        if (s < 60) {
            return s + " s";
        }
        return s < 3600 ? String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** Stops drawing and clears the line, so the summary (or an error) starts on a clean one. */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        synchronized (this) {
            closed = true;
            if (shown > 0) {
                err.print("\r" + " ".repeat(shown) + "\r");
                err.flush();
                shown = 0;
            }
        }
    }
}
