package io.sftkit.core.split;

import static org.assertj.core.api.Assertions.assertThat;

import io.sftkit.core.Message;
import io.sftkit.core.Metadata;
import io.sftkit.core.Sample;
import io.sftkit.core.validate.OutputNormalizer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * The splitter hashes the UTF-8 of {@code "o" + duplicateKey(output)} without building that
 * string: it must pick the split the string would, for any text (Thai, emoji, separators
 * only, unpaired surrogates), or a new version would move samples between splits.
 */
class HashSplitterKeyPropertyTest {

    private static final SplitRatios RATIOS = new SplitRatios(0.5, 0.25, 0.25);

    @Property(tries = 3000)
    void theSplitIsTheOneTheKeyStringHashesTo(@ForAll("outputs") String output) {
        Sample sample = Sample.of("s", List.of(Message.user("q"), Message.assistant(output)), Metadata.EMPTY);
        for (long seed = 1; seed <= 8; seed++) {
            assertThat(new HashSplitter(RATIOS, seed).assign(sample)).as("seed %d", seed)
                    .isEqualTo(splitOfKey("o" + OutputNormalizer.duplicateKey(output), seed));
        }
    }

    private static Split splitOfKey(String key, long seed) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        double position = (MurmurHash3.hash128x64(bytes, 0, bytes.length, Long.hashCode(seed))[0] >>> 11) * 0x1.0p-53;
        if (position < RATIOS.train()) {
            return Split.TRAIN;
        }
        return position < RATIOS.train() + RATIOS.val() ? Split.VAL : Split.TEST;
    }

    @Provide
    Arbitrary<String> outputs() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("เริ่มต้นช้า☕️🏃‍♀️💪#!?. \n\tAbcÉéＡ１ﬁ\u00a0\u200d\ufe0f").ofMaxLength(40),
                Arbitraries.strings().withChars("!?.,#☕️🙏👍 \u00a0\ufe0f").ofMaxLength(10));
    }
}
