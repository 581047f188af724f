package io.sftkit.core.validate;

import static java.util.Objects.requireNonNull;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The one definition of "the same output" used by the near-duplicate rule, the splitter's
 * groups and the leakage check. Normalising a text:
 * <ol>
 *   <li>applies Unicode NFKC (full-width and compatibility forms fold to their plain form);</li>
 *   <li>lower-cases it ({@link Locale#ROOT});</li>
 *   <li>replaces emoji, symbols and punctuation with a space: every code point of the Unicode
 *       categories P* and S*, format characters (Cf: zero-width joiners, tags), enclosing marks
 *       (Me: keycaps) and variation selectors; letters, digits and combining marks such as
 *       Thai vowels and tone marks stay;</li>
 *   <li>collapses every run of whitespace to one space and trims the ends.</li>
 * </ol>
 * So {@code "เริ่มต้นเช้า ☕️ #CoffeeLab!"} and {@code "เริ่มต้นเช้า #coffeelab"} are the same output.
 */
public final class OutputNormalizer {

    /** What {@link #duplicateKey} puts before the exact text of an output that normalises to nothing. */
    public static final char EMPTY_MARK = '\u0000';

    /** {@link #separator} for ASCII, looked up: most text is mostly ASCII. */
    private static final boolean[] ASCII_SEPARATORS = new boolean[128];

    static {
        for (int c = 0; c < ASCII_SEPARATORS.length; c++) {
            ASCII_SEPARATORS[c] = separator(c);
        }
    }

    private OutputNormalizer() {}

    public static String normalize(String text) {
        requireNonNull(text, "text is null");
        StringBuilder out = new StringBuilder(text.length());
        normalize(text, out::appendCodePoint);
        return out.toString();
    }

    /**
     * Gives {@code sink} the code points of {@link #normalize(String) normalize(text)}, in
     * order, without building the string (to hash the key, say).
     *
     * @return whether there were any
     */
    public static boolean normalize(String text, IntConsumer sink) {
        requireNonNull(text, "text is null");
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        boolean any = false;
        boolean pendingSpace = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < ASCII_SEPARATORS.length ? ASCII_SEPARATORS[cp] : separator(cp)) {
                pendingSpace = any;
            } else {
                if (pendingSpace) {
                    sink.accept(' ');
                    pendingSpace = false;
                }
                sink.accept(cp);
                any = true;
            }
        }
        return any;
    }

    /**
     * The key under which outputs count as equal: the normalised text, or, when normalising
     * leaves nothing (an output of only emoji or punctuation), the exact text, so that
     * {@code "👍"} and {@code "🙏"} stay different.
     */
    public static String duplicateKey(String text) {
        String normalized = normalize(text);
        return normalized.isEmpty() ? EMPTY_MARK + text : normalized;
    }

    /** Whitespace, a variation selector, or of a category listed above; one category lookup. */
    private static boolean separator(int cp) {
        if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
            return true;
        }
        return switch (Character.getType(cp)) {
            // Character.isSpaceChar, and with CONTROL below, Character.isWhitespace
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            case Character.CONTROL -> Character.isWhitespace(cp);
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL, Character.FORMAT,
                    Character.ENCLOSING_MARK -> true;
            default -> false;
        };
    }
}
