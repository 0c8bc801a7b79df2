package dev.capstan.features.commands;

import dev.capstan.slack.SlackWebApi;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * E-mail addresses in a policy's {@code users:}, resolved to Slack member ids with {@code users.lookupByEmail} when the
 * file is loaded (the people the seed listed by name or address keep working), each address asked once and remembered.
 */
final class SlackEmails {
    static final String SCOPE = "users:read.email";
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** An address as Slack resolved it: the member id, or why there is none. */
    record Found(String userId, String problem) { }

    private final SlackWebApi slack;
    private final Map<String, String> ids = new ConcurrentHashMap<>();

    SlackEmails(SlackWebApi slack) {
        this.slack = slack;
    }

    static boolean isAddress(String text) {
        return ADDRESS.matcher(text).matches();
    }

    /** The member id of {@code address}, or the problem: nobody has it, or Slack could not be asked (not remembered). */
    Found lookUp(String address) {
        String key = address.trim().toLowerCase(Locale.ROOT);
        String known = ids.get(key);
        if (known != null) return new Found(known, null);
        if (slack == null) return new Found(null, "e-mail addresses can't be looked up without Slack's Web API");
        try {
            String id = slack.call("users.lookupByEmail", m -> m.usersLookupByEmail(r -> r.email(key))).getUser().getId();
            ids.put(key, id);
            return new Found(id, null);
        } catch (SlackWebApi.SlackCallFailed e) {
            if ("users_not_found".equals(e.error())) return new Found(null, "nobody in this Slack workspace has the address `" + address + "`");
            if ("missing_scope".equals(e.error())) {
                return new Found(null, "`" + address + "` can't be looked up: the app lacks the " + SCOPE + " scope (reinstall it)");
            }
            return new Found(null, "`" + address + "` can't be looked up: Slack answered " + e.error());
        } catch (Exception e) {
            return new Found(null, "`" + address + "` can't be looked up: Slack did not answer (" + e.getClass().getSimpleName() + ")");
        }
    }
}
