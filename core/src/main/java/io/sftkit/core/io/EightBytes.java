package io.sftkit.core.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Looks at eight bytes of an array at once, so that scans pass over plain text quickly. A
 * byte of a word equals {@code c} when the word XOR {@code c} repeated has a zero byte, and
 * {@code (v - 0x0101…) & ~v} sets the top bit of the first zero byte of {@code v} (bytes
 * after it may be flagged too, so a scan that finds something stops and looks byte by byte).
 */
final class EightBytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private EightBytes() {}

    /** The eight bytes from {@code b[i]} on, as one word. */
    static long at(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /** Flags the bytes of {@code word} equal to the ASCII character {@code c}. */
    static long equalTo(long word, char c) {
        long x = word ^ (ONES * c);
        return (x - ONES) & ~x;
    }

    /**
     * Flags the bytes of {@code word} under the ASCII value {@code c}: subtracting borrows
     * into a byte whose top bit was clear (bytes of multi-byte characters have it set, so never
     * count).
     */
    static long below(long word, int c) {
        return (word - ONES * c) & ~word;
    }

    /** Whether any byte is flagged in {@code flags}, from {@link #equalTo} or {@link #below}. */
    static boolean any(long flags) {
        return (flags & HIGHS) != 0;
    }

    /** Whether all eight bytes of {@code word} are ASCII. */
    static boolean ascii(long word) {
        return (word & HIGHS) == 0;
    }
}
