package io.sftkit.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The byte scan that lets a JSON Lines record skip the surrogate check never lets one through. */
class UnpairedSurrogatesPropertyTest {

    @Property(tries = 3000)
    void aRecordHoldingASurrogateIsAlwaysLookedAt(@ForAll("objects") String json) throws IOException {
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        JsonNode tree = Json.TREE_READER.readValue(utf8);
        if (UnpairedSurrogates.find(tree).isPresent()) {
            assertThat(UnpairedSurrogates.mayBeEscapedIn(utf8, 0, utf8.length)).as(json).isTrue();
        }
    }

    @Example
    void tellsEscapesOfSurrogatesFromOtherEscapes() {
        assertThat(scan("{\"a\":\"\\ud800\"}")).isTrue();
        assertThat(scan("{\"a\":\"\\uDC00 and more text after it\"}")).isTrue();
        assertThat(scan("{\"a\":\"\\u0041\\n\\\\ud800 is a backslash and text\"}")).isFalse();
        assertThat(scan("{\"plain long ascii text with no escapes at all\":\"ก่อน😀\"}")).isFalse();
        assertThat(scan("{\"a\":\"\\\\\\ud83d\\ude00\"}")).isTrue();
    }

    private static boolean scan(String json) {
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        return UnpairedSurrogates.mayBeEscapedIn(utf8, 0, utf8.length);
    }

    @Provide
    Arbitrary<String> objects() {
        Arbitrary<String> piece = Arbitraries.of("a", "ก่อน", "😀", "\\\\", "\\n", "\\\"", "\\u0041", "\\ud800", "\\uDBFF",
                "\\udc00", "\\uD83D\\uDE00", "\\\\ud800", "\\\\\\ud800", "plain text of some length", "x".repeat(9));
        Arbitrary<String> text = piece.list().ofMaxSize(6).map(l -> "\"" + String.join("", l) + "\"");
        return Arbitraries.maps(text, text).ofMaxSize(3).map(m -> {
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append(k).append(':').append(v));
            return sb.append('}').toString();
        });
    }
}
