package dev.capstan.features.directory;

import dev.capstan.command.Destination;
import dev.capstan.command.Outbox;
import dev.capstan.command.Reply;
import dev.capstan.command.WorkspaceEvent;
import dev.capstan.store.PeopleStore;
import java.util.Map;

/**
 * Slack's team_join: registers the newcomer from the event's user object (never overwriting a profile) and DMs a welcome.
 * What the profile columns cannot hold (a name over 200 characters is cut; one with control characters, or an address
 * that is none, is left out) never stops the welcome.
 */
final class Welcome {
    private final Profiles profiles;
    private final PeopleStore people;
    private final Outbox outbox;

    Welcome(Profiles profiles, PeopleStore people, Outbox outbox) {
        this.profiles = profiles;
        this.people = people;
        this.outbox = outbox;
    }

    void handle(WorkspaceEvent event) {
        String userId = event.userId();
        if (!UserIds.looksLikeUser(userId)) return;
        Object user = event.fields().get("user");
        String name = null;
        String email = null;
        if (user instanceof Map<?, ?> map) {
            name = text(map.get("real_name"));
            if (map.get("profile") instanceof Map<?, ?> profile) {
                email = text(profile.get("email"));
                if (name == null) name = text(profile.get("real_name"));
            }
        }
        people.ensure(userId);
        String storedEmail = email != null && InputChecks.isEmail(email) ? email : null;
        profiles.addIfAbsent(new Profile(userId, InputChecks.fitLine(name, InputChecks.NAME), storedEmail, null, null, null, null, null));
        String linked = profiles.find(userId).map(Profile::githubLogin).orElse(null);
        String gitHub = linked == null ? "Link your GitHub account with `/capstan user edit --github YOUR_LOGIN` (you will get "
                + "an invitation to the organisation), and see" : "Your GitHub account `" + linked + "` is linked; see";
        outbox.send(new Destination.DirectMessage(userId), Reply.text(":wave: Welcome, <@" + userId + ">! You are in the "
                + "team directory now. " + gitHub + " your profile with `/capstan user view`."));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
