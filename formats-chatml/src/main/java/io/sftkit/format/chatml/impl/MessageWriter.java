package io.sftkit.format.chatml.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sftkit.core.Message;
import io.sftkit.core.Role;
import io.sftkit.core.RoleNames;
import io.sftkit.core.Sample;
import io.sftkit.core.io.Json;
import io.sftkit.spi.SampleRefusedException;
import io.sftkit.spi.SourceLayout;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Canonical messages to chatml message objects: OpenAI form by default (string content,
 * a tool_call message as an assistant message with {@code tool_calls}), and the form the
 * message was read in where its hints say so.
 */
final class MessageWriter {

    private MessageWriter() {}

    /**
     * Writes {@code messages}, whose first one is {@code messages[offset]} of the sample.
     * An assistant message and the tool_call message read from the same object are joined again.
     */
    static ArrayNode writeList(Sample sample, List<Message> messages, int offset) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            Message next = i + 1 < messages.size() ? messages.get(i + 1) : null;
            if (m.role() == Role.ASSISTANT && next != null && joinable(next)) {
                out.add(write(sample, m, Optional.of(next), "messages[" + (offset + i) + "]"));
                i++;
            } else {
                out.add(write(sample, m, Optional.empty(), "messages[" + (offset + i) + "]"));
            }
        }
        return out;
    }

    private static boolean joinable(Message call) {
        if (call.role() != Role.TOOL_CALL || !hints(call).path(ChatmlFields.HINT_JOINED).asBoolean()) {
            return false;
        }
        return SourceLayout.strip(call.extras()).keySet().stream().allMatch(ChatmlFields.TOOL_CALL_IDS::equals);
    }

    /**
     * Writes one message; {@code joinedCall} is a tool_call message written into the same
     * object as the assistant text {@code m}.
     *
     * @param at the message's path for refusal reasons
     */
    static ObjectNode write(Sample sample, Message m, Optional<Message> joinedCall, String at) {
        ObjectNode hints = hints(m);
        String roleName = roleName(m, hints);
        boolean openAiCall = m.role() == Role.TOOL_CALL
                && RoleNames.DEFAULT.resolve(roleName).filter(r -> r == Role.ASSISTANT).isPresent();
        Optional<Message> call = openAiCall ? Optional.of(m) : joinedCall;
        Optional<String> text = openAiCall ? Optional.empty() : Optional.of(m.content());
        ObjectNode callHints = call.map(MessageWriter::hints).orElse(Json.object());
        boolean callParts = call.isPresent() && callHints.path(ChatmlFields.HINT_CALL_PARTS).asBoolean();
        Optional<String> reasoning = Optional.ofNullable(m.extras().get(ChatmlFields.REASONING))
                .filter(JsonNode::isTextual).map(JsonNode::textValue);

        ObjectNode out = Json.object();
        out.put(ChatmlFields.ROLE, roleName);
        boolean reasoningInParts = false;
        // calls read as content parts go back as parts where the parts can be written again, else as tool_calls
        boolean callsInContent = false;
        JsonNode exact = hints.get(ChatmlFields.HINT_CONTENT);
        if (exact != null && matches(exact, text.orElse(""), reasoning,
                call.filter(c -> callParts).map(Message::content))) {
            out.set(ChatmlFields.CONTENT, exact);
            reasoningInParts = exact.isArray() && reasoning.isPresent();
            callsInContent = callParts;
        } else if (hints.path(ChatmlFields.HINT_PARTS).isTextual()) {
            List<String> partCalls = callParts ? split(sample, call.get(), at) : List.of();
            Optional<String> textPart = text.filter(t -> !t.isEmpty() || partCalls.isEmpty());
            out.set(ChatmlFields.CONTENT, ContentParts.build(hints.get(ChatmlFields.HINT_PARTS).textValue(), textPart,
                    reasoning, partCalls));
            reasoningInParts = reasoning.isPresent();
            callsInContent = callParts;
        } else if (text.isPresent()) {
            out.put(ChatmlFields.CONTENT, text.get());
        }
        if (call.isPresent() && !callsInContent) {
            out.set(ChatmlFields.TOOL_CALLS, toolCalls(sample, call.get(), callHints, at));
        }
        for (Map.Entry<String, JsonNode> e : SourceLayout.strip(m.extras()).entrySet()) {
            String key = e.getKey();
            if (reasoningInParts && key.equals(ChatmlFields.REASONING)
                    || call.filter(c -> c == m).isPresent() && key.equals(ChatmlFields.TOOL_CALL_IDS)) {
                continue;
            }
            if (out.has(key)) {
                throw refuse(sample, at + " has a field '" + key + "', which chatml uses for the message itself");
            }
            out.set(key, e.getValue());
        }
        return out;
    }

    private static ObjectNode hints(Message m) {
        return SourceLayout.of(m, ChatmlFields.SHAPE);
    }

    /** The role name the message was read with, while it still names its role; else the standard name. */
    private static String roleName(Message m, ObjectNode hints) {
        JsonNode read = hints.get(ChatmlFields.HINT_ROLE);
        if (read != null && read.isTextual()) {
            Optional<Role> meant = RoleNames.DEFAULT.resolve(read.textValue());
            if (meant.isEmpty() || meant.get() == m.role()
                    || m.role() == Role.TOOL_CALL && meant.get() == Role.ASSISTANT) {
                return read.textValue();
            }
        }
        return ChatmlFields.name(m.role());
    }

    /** Whether exact content noted at reading still holds what the message holds now. */
    private static boolean matches(JsonNode exact, String text, Optional<String> reasoning, Optional<String> partCalls) {
        if (exact.isNull() || exact.isTextual()) {
            return text.equals(exact.isNull() ? "" : exact.textValue()) && partCalls.isEmpty();
        }
        if (!exact.isArray()) {
            return false;
        }
        try {
            ContentParts.Parsed parsed = ContentParts.parse((ArrayNode) exact);
            Optional<String> calls = parsed.calls().isEmpty() ? Optional.empty() : Optional.of(ToolCalls.join(parsed.calls()));
            return parsed.text().equals(text) && parsed.reasoning().equals(reasoning) && calls.equals(partCalls);
        } catch (ContentParts.PartException e) {
            return false;
        }
    }

    private static List<String> split(Sample sample, Message call, String at) {
        try {
            return ToolCalls.split(call.content());
        } catch (ToolCalls.CallException e) {
            throw refuse(sample, at + " is a tool call that chatml cannot express: " + e.getMessage());
        }
    }

    private static ArrayNode toolCalls(Sample sample, Message call, ObjectNode callHints, String at) {
        Optional<JsonNode> ids = Optional.ofNullable(call.extras().get(ChatmlFields.TOOL_CALL_IDS));
        JsonNode exact = callHints.get(ChatmlFields.HINT_TOOL_CALLS);
        if (exact != null && exact.isArray()) {
            try {
                ToolCalls.Parsed parsed = ToolCalls.parse((ArrayNode) exact);
                if (parsed.content().equals(call.content())
                        && parsed.ids().map(JsonNode.class::cast).equals(ids)) {
                    return (ArrayNode) exact;
                }
            } catch (ToolCalls.CallException e) {
                // the noted calls no longer read; write the standard form
            }
        }
        try {
            return ToolCalls.build(call.content(), ids, callHints.path(ChatmlFields.HINT_ARGUMENTS_AS_JSON).asBoolean());
        } catch (ToolCalls.CallException e) {
            throw refuse(sample, at + " is a tool call that OpenAI tool_calls cannot express: " + e.getMessage());
        }
    }

    static SampleRefusedException refuse(Sample sample, String reason) {
        return new SampleRefusedException(ChatmlFields.SHAPE, sample.id(), reason);
    }
}
