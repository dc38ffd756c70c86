package org.tornadojava.demo.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * How {@link RedisChatRoom} stores a message: the same JSON clients get, {@code {"id":..,"from":..,"body":..}}.
 * Thread-safe.
 */
final class ChatMessageJson {
    private static final Logger log = LoggerFactory.getLogger(ChatMessageJson.class);
    private final JsonMapper mapper = JsonMapper.builder().build();

    /**
     * A message without its id, {@code {"from":..,"body":..}}: the store's script puts the id it draws in front.
     * Any thread.
     *
     * @param from the sender
     * @param body the text
     * @return the JSON object
     */
    String draft(String from, String body) {
        return mapper.writeValueAsString(Map.of("from", from, "body", body));
    }

    /**
     * Reads a stored message. Any thread.
     *
     * @param json the stored text
     * @return the message, or null (logged) when the text is not one: the room skips it
     */
    ChatMessage read(String json) {
        try {
            ChatMessage message = mapper.readValue(json, ChatMessage.class);
            if (message.from() != null && message.body() != null && message.id() > 0) {
                return message;
            }
        } catch (JacksonException e) {
            log.debug("Unreadable chat message", e);
        }
        log.warn("Skipped a stored chat message that is not one: {}",
                json.length() > 200 ? json.substring(0, 200) : json);
        return null;
    }
}
