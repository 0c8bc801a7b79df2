package dev.capstan.command;

import java.util.Map;

/** An Events API event (team_join, app_mention, …) as families see it: its type and its fields. */
public record WorkspaceEvent(String type, String eventId, String teamId, Map<String, Object> fields) {
    public String field(String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }

    /** The user the event is about: {@code user} as a string, or {@code user.id} when Slack sends an object. */
    @SuppressWarnings("unchecked")
    public String userId() {
        Object user = fields.get("user");
        if (user instanceof Map<?, ?> map) return ((Map<String, Object>) map).get("id") instanceof String id ? id : null;
        return user instanceof String id ? id : null;
    }
}
