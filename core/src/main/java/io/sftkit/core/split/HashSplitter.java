package io.sftkit.core.split;

import static java.util.Objects.requireNonNull;

import io.sftkit.core.Sample;
import io.sftkit.core.validate.OutputNormalizer;
import io.sftkit.core.validate.SampleOutput;
import java.nio.charset.StandardCharsets;
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
 */
public final class HashSplitter {

    /** 2⁻⁵³: turns the top 53 bits of a hash into a double in [0, 1). */
    private static final double UNIT = 0x1.0p-53;

    private final SplitRatios ratios;
    private final int seed;

    public HashSplitter(SplitRatios ratios, long seed) {
        this.ratios = requireNonNull(ratios, "ratios is null");
        this.seed = Long.hashCode(seed);
    }

    /** The split {@code sample} belongs in. */
    public Split assign(Sample sample) {
        requireNonNull(sample, "sample is null");
        String key = SampleOutput.of(sample).map(o -> "o" + OutputNormalizer.duplicateKey(o.text()))
                .orElseGet(() -> "i" + sample.id());
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        double position = (MurmurHash3.hash128x64(bytes, 0, bytes.length, seed)[0] >>> 11) * UNIT;
        if (position < ratios.train()) {
            return Split.TRAIN;
        }
        return position < ratios.train() + ratios.val() ? Split.VAL : Split.TEST;
    }
}
