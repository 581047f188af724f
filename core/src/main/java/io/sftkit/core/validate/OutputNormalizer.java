package io.sftkit.core.validate;

import static java.util.Objects.requireNonNull;

import java.text.Normalizer;
import java.util.Locale;

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

    private OutputNormalizer() {}

    public static String normalize(String text) {
        requireNonNull(text, "text is null");
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean pendingSpace = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (isSeparator(cp)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /**
     * The key under which outputs count as equal: the normalised text, or, when normalising
     * leaves nothing (an output of only emoji or punctuation), the exact text, so that
     * {@code "👍"} and {@code "🙏"} stay different.
     */
    public static String duplicateKey(String text) {
        String normalized = normalize(text);
        return normalized.isEmpty() ? "\u0000" + text : normalized;
    }

    private static boolean isSeparator(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return true;
        }
        if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL, Character.FORMAT,
                    Character.ENCLOSING_MARK -> true;
            default -> false;
        };
    }
}
