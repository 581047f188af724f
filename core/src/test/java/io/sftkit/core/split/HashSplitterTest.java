package io.sftkit.core.split;

import static org.assertj.core.api.Assertions.assertThat;

import io.sftkit.core.Message;
import io.sftkit.core.Metadata;
import io.sftkit.core.Sample;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HashSplitterTest {

    private static Sample sample(String id, String output) {
        return Sample.of(id, List.of(Message.user("write about " + id), Message.assistant(output)), Metadata.EMPTY);
    }

    @Test
    void samplesWhoseOutputsAreEqualAfterNormalisingLandTogetherWhateverTheSeed() {
        for (long seed = 0; seed < 200; seed++) {
            HashSplitter splitter = new HashSplitter(new SplitRatios(0.5, 0.25, 0.25), seed);
            Split first = splitter.assign(sample("a", "เริ่มต้นเช้า ☕️ #CoffeeLab!"));
            assertThat(splitter.assign(sample("b", "เริ่มต้นเช้า #coffeelab"))).isEqualTo(first);
            assertThat(splitter.assign(sample("c", "  เริ่มต้นเช้า\n#COFFEELAB  "))).isEqualTo(first);
        }
    }

    @Test
    void sizesFollowTheRatiosAsIndependentDrawsWould() {
        int n = 100_000;
        SplitRatios ratios = new SplitRatios(0.9, 0.07, 0.03);
        HashSplitter splitter = new HashSplitter(ratios, 42);
        Map<Split, Integer> counts = new EnumMap<>(Split.class);
        for (int i = 0; i < n; i++) {
            counts.merge(splitter.assign(sample("s" + i, "answer number " + i)), 1, Integer::sum);
        }
        for (Split split : Split.values()) {
            double expected = n * ratios.of(split);
            double sigma = Math.sqrt(expected * (1 - ratios.of(split)));
            assertThat((double) counts.get(split)).as(split.name()).isBetween(expected - 5 * sigma, expected + 5 * sigma);
        }
    }

    @Test
    void theSeedAloneDecidesAndChangesTheAssignment() {
        Sample s = sample("x", "the same answer");
        SplitRatios even = new SplitRatios(0.34, 0.33, 0.33);
        assertThat(new HashSplitter(even, 7).assign(s)).isEqualTo(new HashSplitter(even, 7).assign(s));
        long differing = java.util.stream.IntStream.range(0, 1000)
                .filter(i -> new HashSplitter(even, 7).assign(sample("y" + i, "a" + i))
                        != new HashSplitter(even, 8).assign(sample("y" + i, "a" + i)))
                .count();
        assertThat(differing).isBetween(550L, 780L);
    }

    @Test
    void aRatioOfZeroGetsNothingAndSamplesWithoutAnOutputGoByTheirId() {
        HashSplitter trainOnly = new HashSplitter(new SplitRatios(1, 0, 0), 42);
        for (int i = 0; i < 1000; i++) {
            assertThat(trainOnly.assign(sample("s" + i, "o" + i))).isEqualTo(Split.TRAIN);
        }
        HashSplitter even = new HashSplitter(new SplitRatios(0.5, 0.5, 0), 42);
        Sample noOutput = Sample.of("only-a-question", List.of(Message.user("q")), Metadata.EMPTY);
        assertThat(even.assign(noOutput)).isEqualTo(even.assign(Sample.of("only-a-question",
                List.of(Message.user("another question")), Metadata.EMPTY)));
    }
}
