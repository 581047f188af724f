package io.sftkit.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at {@code \n}, dropping a {@code \r} before it, and holds
 * at most {@code maxBytes} of one line: a longer line is stepped over, not kept, so no line
 * can exhaust the memory ({@link java.io.BufferedReader#readLine()} would hold all of it).
 */
final class ByteLines implements Closeable {


    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int end;
    private byte[] line = new byte[1 << 13];
    private int length;
    private long skipped;

    ByteLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /**
     * Reads the next line.
     *
     * @return false at the end of the input
     */
    boolean next() throws IOException {
        length = 0;
        skipped = 0;
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    return any;
                }
            }
            any = true;
            int nl = newline(buffer, pos, end);
            append(pos, nl - pos);
            pos = nl;
            if (nl < end) {
                pos++;
                if (skipped == 0 && length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return true;
            }
        }
    }

    /**
     * The index of the first {@code \n} in {@code b[from, to)}, or {@code to}. Looks at
     * {@link EightBytes} at a time.
     */
    private static int newline(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            if (EightBytes.any(EightBytes.equalTo(EightBytes.at(b, i), '\n'))) {
                break;
            }
        }
        while (i < to && b[i] != '\n') {
            i++;
        }
        return i;
    }

    private void append(int from, int count) {
        if (skipped > 0 || (long) length + count > maxBytes) {
            skipped += count + length;
            length = 0;
            return;
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxBytes, Math.max((long) line.length * 2, length + count)));
        }
        System.arraycopy(buffer, from, line, length, count);
        length += count;
    }

    /** Whether the current line was longer than the limit, and so was stepped over. */
    boolean tooLong() {
        return skipped > 0;
    }

    /** The current line's bytes (valid up to {@link #length()}); the array is reused by {@link #next()}. */
    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
