package io.sftkit.format.chatml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sftkit.core.DataException;
import io.sftkit.core.Location;
import io.sftkit.core.Message;
import io.sftkit.core.Metadata;
import io.sftkit.core.Role;
import io.sftkit.core.RoleNames;
import io.sftkit.core.Sample;
import io.sftkit.core.io.Json;
import io.sftkit.spi.DecodeContext;
import io.sftkit.spi.FormatRegistry;
import io.sftkit.spi.RecordEnvelope;
import io.sftkit.spi.Shape;
import io.sftkit.spi.SourceLayout;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatmlShapeTest {

    private static final Shape CHATML = FormatRegistry.load(ChatmlShapeTest.class.getClassLoader()).shape("chatml");
    private static final DecodeContext CTX = new DecodeContext(new Location("train.jsonl", 9, 0, 9), RoleNames.DEFAULT);

    private static ObjectNode record(String json) throws IOException {
        return (ObjectNode) Json.MAPPER.readTree(json.replace('\'', '"'));
    }

    @Test
    void readsOpenAiToolCallsAsCanonicalToolCallMessages() throws IOException {
        Sample s = CHATML.decode(record("{'messages': [{'role': 'user', 'content': 'weather?'},"
                + " {'role': 'assistant', 'tool_calls': [{'id': 'call_1', 'type': 'function',"
                + " 'function': {'name': 'get_weather', 'arguments': '{\\'city\\': \\'Paris\\'}'}}]},"
                + " {'role': 'tool', 'tool_call_id': 'call_1', 'content': '18'}, {'role': 'assistant', 'content': 'Mild.'}]}"), CTX);

        Message call = s.messages().get(1);
        assertThat(call.role()).isEqualTo(Role.TOOL_CALL);
        assertThat(call.content()).isEqualTo("{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}");
        assertThat(call.extras().get("tool_call_ids")).isEqualTo(Json.MAPPER.createArrayNode().add("call_1"));
        assertThat(s.messages().get(2).extras().get("tool_call_id").textValue()).isEqualTo("call_1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // OpenAI: tool calls with content left out, null or empty, text beside calls, two calls, arguments as objects
        "{'messages': [{'role': 'user', 'content': 'q'}, {'role': 'assistant', 'tool_calls': [{'id': 'c1', 'type': 'function', 'function': {'name': 'f', 'arguments': '{}'}}]}, {'role': 'tool', 'tool_call_id': 'c1', 'content': 'r'}]}",
        "{'messages': [{'role': 'user', 'content': 'q'}, {'role': 'assistant', 'content': null, 'tool_calls': [{'type': 'function', 'function': {'name': 'f', 'arguments': '{\\'a\\':1}'}}]}]}",
        "{'messages': [{'role': 'user', 'content': 'q'}, {'role': 'assistant', 'content': '', 'tool_calls': [{'id': 'x', 'type': 'function', 'function': {'name': 'f', 'arguments': ' {} '}}]}]}",
        "{'messages': [{'role': 'user', 'content': 'q'}, {'role': 'assistant', 'content': 'Let me check.', 'weight': 1, 'tool_calls': [{'id': 'a', 'type': 'function', 'function': {'name': 'f', 'arguments': '{}'}}, {'id': 'b', 'type': 'function', 'function': {'name': 'g', 'arguments': '[1, 2]'}}]}]}",
        "{'messages': [{'role': 'user', 'content': 'q'}, {'role': 'assistant', 'tool_calls': [{'type': 'function', 'function': {'name': 'f', 'arguments': {'a': 1}}}]}]}",
        // typed parts: OpenAI text key, LLaMA-Factory value key with reasoning and tool_call parts, parts the standard form does not give back
        "{'messages': [{'role': 'user', 'content': [{'type': 'text', 'text': 'q'}]}, {'role': 'assistant', 'content': 'a'}]}",
        "{'messages': [{'role': 'user', 'content': [{'type': 'text', 'value': 'q'}], 'loss_weight': 0.0}, {'role': 'assistant', 'content': [{'type': 'reasoning', 'value': 'think'}, {'type': 'text', 'value': 'a'}], 'loss_weight': 1.0}]}",
        "{'messages': [{'role': 'user', 'content': [{'type': 'text', 'value': 'q'}]}, {'role': 'assistant', 'content': [{'type': 'reasoning', 'value': 'r'}, {'type': 'tool_call', 'value': '{\\'name\\': \\'f\\', \\'arguments\\': {}}'}, {'type': 'tool_call', 'value': '{\\'name\\':\\'g\\',\\'arguments\\':{}}'}]}]}",
        "{'messages': [{'role': 'user', 'content': [{'type': 'text', 'text': 'one '}, {'type': 'text', 'text': 'two'}]}, {'role': 'assistant', 'content': [{'type': 'text', 'text': 'a', 'cache_control': {'type': 'ephemeral'}}]}]}",
        "{'messages': [{'role': 'user', 'content': 'q'}, {'role': 'assistant', 'content': [{'type': 'text', 'value': 'see'}, {'type': 'tool_call', 'value': '{\\'name\\': \\'f\\', \\'arguments\\': {}}'}]}]}",
        // role names and flat tool-call roles, tools as a list and as a string
        "{'messages': [{'role': 'developer', 'content': 's'}, {'role': 'user', 'content': 'q'}, {'role': 'model', 'content': 'a'}]}",
        "{'messages': [{'role': 'user', 'content': 'q'}, {'role': 'function_call', 'content': '{\\'name\\': \\'f\\', \\'arguments\\': {}}'}, {'role': 'observation', 'content': 'r'}, {'role': 'assistant', 'content': 'a'}]}",
        "{'messages': [{'role': 'user', 'content': 'q'}, {'role': 'assistant', 'content': 'a'}], 'tools': [{'type': 'function', 'function': {'name': 'f'}}]}",
        "{'messages': [{'role': 'user', 'content': 'q'}, {'role': 'assistant', 'content': 'a'}], 'tools': '[{\\'name\\': \\'f\\'}]'}",
        "{'messages': [{'role': 'user', 'content': 'q'}, {'role': 'assistant', 'content': 'a'}], 'tools': '[{\\'name\\':\\'compact\\'}]', 'metadata': {}}",
        "{'messages': [{'role': 'user', 'content': 'q'}, {'role': 'assistant', 'content': 'a'}], 'tools': null}",
        // TRL forms, KTO label, LLaMA-Factory openai ranking
        "{'prompt': [{'role': 'user', 'content': 'q'}], 'completion': [{'role': 'assistant', 'content': 'a'}]}",
        "{'prompt': 'The sky is', 'completion': ' blue.'}",
        "{'prompt': [{'role': 'user', 'content': 'q'}, {'role': 'assistant', 'content': 'a'}], 'completion': [{'role': 'assistant', 'content': 'b'}]}",
        "{'prompt': [{'role': 'user', 'content': 'q'}], 'completion': [{'role': 'assistant', 'content': 'a'}], 'label': false}",
        "{'prompt': [{'role': 'system', 'content': 's'}, {'role': 'user', 'content': 'q'}], 'chosen': [{'role': 'assistant', 'content': 'c'}], 'rejected': [{'role': 'assistant', 'content': 'r'}]}",
        "{'prompt': 'q', 'chosen': 'c', 'rejected': 'r'}",
        "{'chosen': [{'role': 'user', 'content': 'q'}, {'role': 'assistant', 'content': 'c'}], 'rejected': [{'role': 'user', 'content': 'q'}, {'role': 'assistant', 'content': 'r'}]}",
        "{'messages': [{'role': 'user', 'content': 'q'}], 'chosen': {'role': 'assistant', 'content': 'c'}, 'rejected': {'role': 'assistant', 'content': 'r'}}",
        "{'messages': [{'content': 'q', 'role': 'user'}, {'content': 'a', 'role': 'assistant'}], 'label': true}",
        "{'id': 'x', 'messages': [{'role': 'user', 'content': 'i\\nx'}, {'role': 'assistant', 'content': 'a'}], 'instruction': 'i', 'input': 'x', 'metadata': {'brand': 'B'}}"
    })
    void writesBackExactlyTheRecordItRead(String json) throws IOException {
        ObjectNode source = record(json);

        assertThat(CHATML.encode(CHATML.decode(source, CTX))).isEqualTo(source);
    }

    @Test
    void keepsReasoningPartsAsAMessageExtra() throws IOException {
        Sample s = CHATML.decode(record("{'messages': [{'role': 'user', 'content': 'q'}, {'role': 'assistant', 'content':"
                + " [{'type': 'reasoning', 'value': 'think'}, {'type': 'text', 'value': 'a'}]}]}"), CTX);

        assertThat(s.messages().get(1).content()).isEqualTo("a");
        assertThat(s.messages().get(1).extras().get("reasoning").textValue()).isEqualTo("think");
    }

    @Test
    void readsTrlFormsAsMessagesAndPreferencePairs() throws IOException {
        Sample implicit = CHATML.decode(record("{'chosen': [{'role': 'user', 'content': 'q'}, {'role': 'assistant', 'content': 'c'}],"
                + " 'rejected': [{'role': 'user', 'content': 'q'}, {'role': 'assistant', 'content': 'r'}]}"), CTX);
        Sample completion = CHATML.decode(record("{'prompt': 'The sky is', 'completion': ' blue.'}"), CTX);

        assertThat(implicit.messages()).containsExactly(Message.user("q"));
        assertThat(implicit.preference().get().chosen().content()).isEqualTo("c");
        assertThat(completion.messages()).containsExactly(Message.user("The sky is"), Message.assistant(" blue."));
    }

    @Test
    void keepsTheKtoLabelAsAColumn() throws IOException {
        Sample s = CHATML.decode(record("{'messages': [{'role': 'user', 'content': 'q'}, {'role': 'assistant', 'content': 'a'}],"
                + " 'label': true}"), CTX);

        assertThat(s.metadata().extras().get(RecordEnvelope.COLUMNS)).isEqualTo(record("{'label': true}"));
    }

    @Test
    void writesSharegptStyleToolCallsAsOpenAiToolCallsWithTheArgumentsVerbatim() throws IOException {
        Sample s = Sample.of("t", List.of(Message.user("q"),
                new Message(Role.TOOL_CALL, "[{\"name\": \"f\", \"arguments\": {\"x\": 1.50}}, {\"name\": \"g\", \"arguments\": {}}]"),
                new Message(Role.TOOL, "r"), Message.assistant("a")), Metadata.EMPTY);

        assertThat(CHATML.encode(s)).isEqualTo(record("{'id': 't', 'messages': [{'role': 'user', 'content': 'q'},"
                + " {'role': 'assistant', 'tool_calls': [{'type': 'function', 'function': {'name': 'f', 'arguments': '{\\'x\\': 1.50}'}},"
                + " {'type': 'function', 'function': {'name': 'g', 'arguments': '{}'}}]},"
                + " {'role': 'tool', 'content': 'r'}, {'role': 'assistant', 'content': 'a'}]}"));
    }

    @Test
    void toolCallPartsThatCannotBeWrittenAsReadGoBackAsToolCallsNotLost() throws IOException {
        // parts in two styles (text and value keys) and a reasoning key beside them: no one parts form gives them back
        Sample s = CHATML.decode(record("{'messages': [{'role': 'user', 'content': 'q'}, {'role': 'assistant', 'content':"
                + " [{'type': 'tool_call', 'text': '{\\'name\\': \\'f\\', \\'arguments\\': {}}'},"
                + " {'type': 'tool_call', 'value': '{\\'name\\': \\'g\\', \\'arguments\\': {}}'}], 'reasoning': 'think'}]}"), CTX);

        ObjectNode written = CHATML.encode(s);

        assertThat(written).isEqualTo(record("{'messages': [{'role': 'user', 'content': 'q'}, {'role': 'assistant',"
                + " 'tool_calls': [{'type': 'function', 'function': {'name': 'f', 'arguments': '{}'}},"
                + " {'type': 'function', 'function': {'name': 'g', 'arguments': '{}'}}], 'reasoning': 'think'}]}"));
        assertThat(CHATML.decode(written, CTX).messages()).isEqualTo(s.messages().stream()
                .map(m -> new Message(m.role(), m.content(), SourceLayout.strip(m.extras()))).toList());
    }

    @Test
    void namesTheFieldAndTheRowOfEveryProblem() {
        assertProblem("{'messages': [{'role': 'user', 'content': 'q'}, {'content': 'a'}]}", "messages[1].role", "missing");
        assertProblem("{'messages': [{'role': 'user'}]}", "messages[0].content", "missing");
        assertProblem("{'messages': [{'role': 'user', 'content': [{'type': 'image_url', 'image_url': {'url': 'x'}}]}]}",
                "messages[0].content[0].type", "content part type 'image_url' is not supported;"
                        + " sftkit carries text, reasoning and tool_call parts");
        assertProblem("{'messages': [{'role': 'user', 'content': 'q'}, {'role': 'assistant', 'tool_calls':"
                + " [{'type': 'function', 'function': {'name': 'f', 'arguments': 'not json'}}]}]}",
                "messages[1].tool_calls[0].function.arguments", "not valid JSON text");
        assertProblem("{'messages': [{'role': 'user', 'content': 'q'}], 'tools': '[oops'}", "tools",
                "not valid JSON: Unrecognized token 'oops': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
        assertProblem("{'prompt': [{'role': 'user', 'content': 'q'}], 'chosen': [], 'rejected': []}", "chosen",
                "expected one reply message, found 0");
        assertProblem("{'chosen': [{'role': 'user', 'content': 'q'}, {'role': 'assistant', 'content': 'c'}],"
                + " 'rejected': [{'role': 'user', 'content': 'other'}, {'role': 'assistant', 'content': 'r'}]}", "rejected",
                "with no prompt, chosen and rejected must share every message but the last (the implicit prompt)");
        assertProblem("{'text': 'plain language modelling'}", "messages", "missing");
    }

    private static void assertProblem(String json, String field, String problem) {
        assertThatThrownBy(() -> CHATML.decode(record(json), CTX)).isInstanceOfSatisfying(DataException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.getMessage()).startsWith("train.jsonl:9 (record 9): field '" + field + "'");
        });
    }

    @Test
    void anUnknownRoleNamesTheRoleAndTheRoleMapOption() {
        assertThatThrownBy(() -> CHATML.decode(record("{'messages': [{'role': 'narrator', 'content': 'x'}]}"), CTX))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("train.jsonl:9 (record 9): field 'messages[0].role': unknown role 'narrator'")
                .hasMessageContaining("--role-map narrator=");
    }

    @Test
    void claimsMessagesAndTrlRecordsAndLeavesCanonicalLookingOnesToCanonical() throws IOException {
        assertThat(CHATML.detect(record("{'messages': [{'role': 'user', 'content': 'q'}]}"))).isEqualTo(90);
        assertThat(CHATML.detect(record("{'id': 'a', 'metadata': {}, 'messages': [{'role': 'user', 'content': 'q'}]}")))
                .isEqualTo(60);
        assertThat(CHATML.detect(record("{'prompt': 'a', 'completion': 'b'}"))).isEqualTo(90);
        assertThat(CHATML.detect(record("{'prompt': [{'role': 'user', 'content': 'q'}], 'chosen': [{'role': 'assistant',"
                + " 'content': 'c'}], 'rejected': 'r'}"))).isEqualTo(90);
        assertThat(CHATML.detect(record("{'chosen': [{'role': 'user', 'content': 'q'}], 'rejected': [{'role': 'user', 'content': 'q'}]}")))
                .isEqualTo(90);
        assertThat(CHATML.detect(record("{'instruction': 'i', 'chosen': 'c', 'rejected': 'r'}"))).isZero();
        assertThat(CHATML.detect(record("{'conversations': [{'from': 'human', 'value': 'q'}]}"))).isZero();
    }
}
