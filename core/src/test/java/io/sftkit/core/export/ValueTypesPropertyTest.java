package io.sftkit.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.sftkit.core.io.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The types of two splits taken together are those of one split holding the records of both,
 * in either order: so the card declares the same features however the records were split.
 */
class ValueTypesPropertyTest {

    private static final List<String> RECORDS = List.of(
            "{}", "{\"a\": 1}", "{\"a\": 1.5}", "{\"a\": \"x\"}", "{\"a\": null}", "{\"a\": true}",
            "{\"b\": []}", "{\"b\": [1, 2]}", "{\"b\": [[\"x\"]]}", "{\"b\": [{\"x\": 1}]}", "{\"b\": [{\"y\": \"z\"}]}",
            "{\"c\": {}}", "{\"c\": {\"d\": true}}", "{\"c\": {\"d\": null, \"e\": [0.5]}}", "{\"c\": {\"e\": [1]}}",
            "{\"a\": 2, \"c\": {\"d\": false}}", "{\"conversations\": [{\"from\": \"human\", \"value\": \"q\"}]}",
            "{\"conversations\": [{\"from\": \"gpt\", \"weight\": 0}], \"system\": \"s\"}");

    @Property(tries = 2000)
    void splitsTogetherHaveTheTypesOfTheirRecordsTogether(@ForAll("records") List<String> first,
            @ForAll("records") List<String> second) throws IOException {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);

        ValueTypes together = of(both);

        assertThat(of(first).with(of(second))).isEqualTo(together);
        assertThat(of(second).with(of(first))).isEqualTo(together);
        assertThat(of(first).with(of(second)).recordType().isPresent()).isEqualTo(together.recordType().isPresent());
    }

    @Provide
    Arbitrary<List<String>> records() {
        return Arbitraries.of(RECORDS).list().ofMaxSize(6);
    }

    private static ValueTypes of(List<String> records) throws IOException {
        ValueTypes types = new ValueTypes();
        for (String r : records) {
            types.add(Json.MAPPER.readTree(r));
        }
        return types;
    }
}
