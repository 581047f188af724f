package io.sftkit.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link JsonTrees} reads what {@link Json#TREE_READER} reads, and fails where it fails. */
class JsonTreesPropertyTest {

    @Property(tries = 10000)
    void readsTheTreeDatabindReads(@ForAll("documents") String json) {
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        JsonNode expected;
        try {
            expected = Json.TREE_READER.readValue(utf8);
        } catch (IOException | NumberFormatException e) {
            assertThatThrownBy(() -> JsonTrees.read(utf8)).isInstanceOfAny(IOException.class, NumberFormatException.class);
            return;
        }
        try {
            assertThat(JsonTrees.read(utf8)).isEqualTo(expected);
        } catch (IOException e) {
            throw new AssertionError("databind read " + json + " but JsonTrees failed: " + e.getMessage(), e);
        }
    }

    @Example
    void keepsTheLastOfDuplicateKeysAndExactNumbers() throws IOException {
        JsonNode tree = JsonTrees.read("{\"a\":1,\"b\":[0.950,1E+400,123456789012345678901],\"a\":\"x\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(tree.toString()).isEqualTo("{\"a\":\"x\",\"b\":[0.950,1E+400,123456789012345678901]}");
        assertThat(tree).isEqualTo(Json.TREE_READER.readValue("{\"a\":1,\"b\":[0.950,1E+400,123456789012345678901],\"a\":\"x\"}"));
    }

    @Example
    void failsOnATokenRightAfterTheDocument() {
        for (String json : new String[] {"[]\"a\"", "{}{}", "{\"a\":[1]} 2", "[[]]]"}) {
            assertThatThrownBy(() -> JsonTrees.read(json.getBytes(StandardCharsets.UTF_8))).as(json)
                    .isInstanceOf(IOException.class);
        }
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ",", ":", " ", "\"a\"", "\"b\"", "\"ก่อน😀\"",
                "\"\\u0041\\n\"", "\"\\ud800\"", "0", "-0", "1.50", "1e5", "-12345678901234567890123", "2147483648",
                "true", "false", "null", "nul", "\"open", "/*c*/", "\t\n");
        Arbitrary<String> shuffled = tokens.list().ofMaxSize(14).map(l -> String.join("", l));
        Arbitrary<String> wellFormed = Arbitraries.of("{}", "[]", "{\"a\":[1,{\"b\":null}],\"c\":\"d\"}", "\"s\"", "3",
                "{\"a\":{\"a\":{\"a\":[[[]]]}}}", "{\"x\":1} {\"y\":2}", "{\"x\":1.0e-3,\"y\":[true,false]}");
        return Arbitraries.oneOf(shuffled, wellFormed);
    }
}
