package io.sftkit.core.io;


/**
 * Checks bytes for well-formed UTF-8 as strictly as the JDK's decoder with
 * {@code CodingErrorAction.REPORT} (Unicode's table 3-7: no overlong forms, no surrogates,
 * nothing above U+10FFFF), without decoding them: ASCII, most of a typical line, is passed
 * over eight bytes at a time.
 */
final class Utf8Bytes {


    private Utf8Bytes() {}

    /** Whether {@code b[from, to)} is well-formed UTF-8. */
    static boolean isValid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            while (i + Long.BYTES <= to && EightBytes.ascii(EightBytes.at(b, i))) {
                i += Long.BYTES;
            }
            if (i >= to) {
                break;
            }
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
            } else if (c < 0xC2) {
                return false; // a continuation byte, or the lead of an overlong two-byte form
            } else if (c < 0xE0) {
                if (i + 1 >= to || !continuation(b[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (c < 0xF0) {
                if (i + 2 >= to || !second(c, b[i + 1] & 0xFF) || !continuation(b[i + 2])) {
                    return false;
                }
                i += 3;
            } else if (c < 0xF5) {
                if (i + 3 >= to || !second(c, b[i + 1] & 0xFF) || !continuation(b[i + 2]) || !continuation(b[i + 3])) {
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

    /** The second byte's range after a three- or four-byte lead (table 3-7). */
    private static boolean second(int lead, int c) {
        return switch (lead) {
            case 0xE0 -> c >= 0xA0 && c <= 0xBF;
            case 0xED -> c >= 0x80 && c <= 0x9F;
            case 0xF0 -> c >= 0x90 && c <= 0xBF;
            case 0xF4 -> c >= 0x80 && c <= 0x8F;
            default -> c >= 0x80 && c <= 0xBF;
        };
    }
}
