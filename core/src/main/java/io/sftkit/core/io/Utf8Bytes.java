package io.sftkit.core.io;

/**
 * Checks bytes for well-formed UTF-8 as strictly as the JDK's decoder with
 * {@code CodingErrorAction.REPORT} (Unicode's table 3-7: no overlong forms, no surrogates,
 * nothing above U+10FFFF), without decoding them: ASCII, most of a typical line, is passed
 * over eight bytes at a time.
 */
final class Utf8Bytes {

    /**
     * The lowest and highest second byte after each three- or four-byte lead (table 3-7),
     * looked up rather than switched on, since most non-ASCII text is three-byte characters.
     */
    private static final byte[] SECOND_LOW = new byte[256];
    private static final byte[] SECOND_HIGH = new byte[256];

    static {
        for (int lead = 0xE0; lead < 0xF5; lead++) {
            SECOND_LOW[lead] = (byte) 0x80;
            SECOND_HIGH[lead] = (byte) 0xBF;
        }
        SECOND_LOW[0xE0] = (byte) 0xA0; // no overlong three-byte forms
        SECOND_HIGH[0xED] = (byte) 0x9F; // no surrogates
        SECOND_LOW[0xF0] = (byte) 0x90; // no overlong four-byte forms
        SECOND_HIGH[0xF4] = (byte) 0x8F; // nothing above U+10FFFF
    }

    private Utf8Bytes() {}

    /**
     * Whether {@code b[from, to)} is well-formed UTF-8. Words of eight bytes are tried only
     * after an ASCII byte, so that runs of non-ASCII text (Thai, Chinese) are not slowed by
     * word reads that cannot pass.
     */
    static boolean isValid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i];
            if (c >= 0) {
                i++;
                while (i + Long.BYTES <= to && EightBytes.ascii(EightBytes.at(b, i))) {
                    i += Long.BYTES;
                }
                continue;
            }
            c &= 0xFF;
            if (c < 0xC2) {
                return false; // a continuation byte, or the lead of an overlong two-byte form
            } else if (c < 0xE0) {
                if (i + 1 >= to || !continuation(b[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (c < 0xF0) {
                if (i + 2 >= to || !second(c, b[i + 1]) || !continuation(b[i + 2])) {
                    return false;
                }
                i += 3;
            } else if (c < 0xF5) {
                if (i + 3 >= to || !second(c, b[i + 1]) || !continuation(b[i + 2]) || !continuation(b[i + 3])) {
                    return false;
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    private static boolean second(int lead, byte b) {
        int c = b & 0xFF;
        return c >= (SECOND_LOW[lead] & 0xFF) && c <= (SECOND_HIGH[lead] & 0xFF);
    }
}
