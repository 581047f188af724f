package io.sftkit.core.split;

import static java.util.Objects.requireNonNull;

import io.sftkit.core.Sample;
import io.sftkit.core.validate.OutputNormalizer;
import io.sftkit.core.validate.SampleOutput;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Splits a stream of samples into train, val and test one sample at a time, holding nothing
 * per sample, for inputs too large for {@link Splitter}: a sample's split follows from a
 * seeded 128-bit MurmurHash3 of its output's {@link OutputNormalizer#duplicateKey}, so
 * samples whose outputs are equal always land in the same split (no output leaks from
 * train into test), and the same seed always gives the same split, whatever the order.
 * A sample without an output is hashed by its id.
 *
 * <p>The split sizes follow the ratios as closely as independent draws do (within a few
 * times √n of each target), not exactly as {@link Splitter}'s, and they are not stratified:
 * on large data each task and brand falls into the splits in about the same proportions.
 *
 * <p>Not thread-safe: it keeps the buffer it hashes in.
 */
public final class HashSplitter {

    /** 2⁻⁵³: turns the top 53 bits of a hash into a double in [0, 1). */
    private static final double UNIT = 0x1.0p-53;

    private final SplitRatios ratios;
    private final int seed;
    private final Utf8Key key = new Utf8Key();

    public HashSplitter(SplitRatios ratios, long seed) {
        this.ratios = requireNonNull(ratios, "ratios is null");
        this.seed = Long.hashCode(seed);
    }

    /** The split {@code sample} belongs in. */
    public Split assign(Sample sample) {
        requireNonNull(sample, "sample is null");
        key.clear();
        Optional<SampleOutput> output = SampleOutput.of(sample);
        if (output.isPresent()) {
            key.accept('o');
            String text = output.get().text();
            if (!OutputNormalizer.normalize(text, key)) {
                key.accept(OutputNormalizer.EMPTY_MARK);
                text.codePoints().forEach(key);
            }
        } else {
            key.accept('i');
            sample.id().codePoints().forEach(key);
        }
        double position = (MurmurHash3.hash128x64(key.bytes, 0, key.length, seed)[0] >>> 11) * UNIT;
        if (position < ratios.train()) {
            return Split.TRAIN;
        }
        return position < ratios.train() + ratios.val() ? Split.VAL : Split.TEST;
    }

    /**
     * The UTF-8 bytes of {@code "o" + duplicateKey(output)} (or {@code "i" + id}), encoded as
     * the normaliser gives code points instead of through a string and its copies; an unpaired
     * surrogate becomes {@code ?}, as {@link String#getBytes} makes it.
     */
    private static final class Utf8Key implements IntConsumer {
        byte[] bytes = new byte[256];
        int length;

        void clear() {
            length = 0;
        }

        @Override
        public void accept(int cp) {
            if (length + 4 > bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            if (cp < 0x80) {
                bytes[length++] = (byte) cp;
            } else if (cp < 0x800) {
                bytes[length++] = (byte) (0xC0 | cp >> 6);
                bytes[length++] = (byte) (0x80 | cp & 0x3F);
            } else if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                bytes[length++] = '?';
            } else if (cp < 0x10000) {
                bytes[length++] = (byte) (0xE0 | cp >> 12);
                bytes[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[length++] = (byte) (0x80 | cp & 0x3F);
            } else {
                bytes[length++] = (byte) (0xF0 | cp >> 18);
                bytes[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[length++] = (byte) (0x80 | cp & 0x3F);
            }
        }
    }
}
