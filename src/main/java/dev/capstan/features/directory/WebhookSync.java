package dev.capstan.features.directory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.webhooks.WebhookRejected;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the directory in step with GitHub's organization, team and membership webhook events (payloads as in
 * GitHub's "Webhook events and payloads"): GitHub is the source of truth, so a team it creates or edits that is unknown
 * here is created here. Unknown people are logged and left alone; a name no team or
 * login here can have is rejected, so GitHub hears a 4xx instead of retrying a delivery that can never apply.
 */
final class WebhookSync {
    private static final Logger log = LoggerFactory.getLogger(WebhookSync.class);
    /** GitHub's logins have at most 39 characters; the column holds 100. */
    private static final int MAX_LOGIN = 100;
    /** A Slack user id in an outcome, which the notice shows as a mention. */
    private static final Pattern SLACK_USER = Pattern.compile("\\b[UW][A-Z0-9]{6,}\\b");
    private final Profiles profiles;
    private final Teams teams;
    private final RoleSync roles;
    private final Notices notices;

    /** The GitHub events the directory follows. */
    static final List<String> EVENTS = List.of("organization", "team", "membership");

    WebhookSync(Profiles profiles, Teams teams, RoleSync roles, Notices notices) {
        this.profiles = profiles;
        this.teams = teams;
        this.roles = roles;
        this.notices = notices;
    }

    /**
     * Applies one event and says what happened, for the response body and the log; a change is also a notice in the
     * notification channel, and so is a delivery refused as one that can never apply.
     */
    String apply(String event, JsonNode body) {
        String action = body.path("action").asText("");
        String outcome;
        try {
            outcome = switch (event) {
                case "organization" -> organization(action, body);
                case "team" -> team(action, body);
                case "membership" -> membership(action, body);
                default -> "ignored: event " + event;
            };
        } catch (WebhookRejected refused) {
            notices.postNow(":no_entry: A GitHub `" + event + "` " + action + " delivery was refused and changed nothing here: "
                    + refused.getMessage() + ".");
            throw refused;
        }
        log.info("GitHub {} {}: {}", event, action, outcome);
        if (!outcome.startsWith("ignored") && !outcome.startsWith("already") && !outcome.startsWith("nothing") && !outcome.startsWith("noted")) {
            notices.post(":arrows_counterclockwise: From GitHub (`" + event + "` " + action + "): "
                    + SLACK_USER.matcher(outcome).replaceAll("<@$0>") + ".");
        }
        return outcome;
    }

    private String organization(String action, JsonNode body) {
        JsonNode user = body.path("membership").path("user");
        if (action.equals("member_invited")) return "noted invitation of " + body.path("user").path("login").asText("someone");
        if (!action.equals("member_added") && !action.equals("member_removed")) return "ignored: organization " + action;
        Optional<Profile> profile = person(user);
        if (profile.isEmpty()) return "ignored: " + user.path("login").asText("?") + " is not in the directory";
        if (action.equals("member_added")) return "noted: " + profile.get().userId() + " joined the organisation";
        String userId = profile.get().userId();
        List<Membership> memberships = teams.membershipsOf(userId);
        teams.removeEverywhere(userId);
        memberships.forEach(m -> roles.left(m.teamName(), userId));
        profiles.unlinkGitHub(userId);
        return "removed " + userId + " from " + memberships.size() + " teams and unlinked GitHub login "
                + profile.get().githubLogin() + " (they left the organisation; their profile stays)";
    }

    private String team(String action, JsonNode body) {
        JsonNode node = body.path("team");
        long id = node.path("id").asLong(0);
        String name = node.path("name").asText("");
        if (id == 0 || name.isEmpty()) return "ignored: no team in payload";
        if (!InputChecks.couldBeTeamName(name)) {
            throw new WebhookRejected("the team name is not 1 to " + InputChecks.TEAM_NAME + " characters without control characters");
        }
        Optional<Team> known = teams.byGithubId(id);
        switch (action) {
            case "created" -> {
                if (known.isPresent()) return known.get().name().equals(name) ? "already known: " + name : rename(known.get(), name);
                return adopt(name, id);
            }
            case "deleted" -> {
                if (known.isEmpty()) return "ignored: unknown team " + name;
                List<Membership> members = teams.members(known.get().name());
                teams.delete(known.get().name());
                members.forEach(m -> roles.left(known.get().name(), m.userId()));
                return "deleted " + name;
            }
            case "edited" -> {
                if (known.isEmpty()) return adopt(name, id);
                if (known.get().name().equals(name)) return "nothing to change for " + name;
                return rename(known.get(), name);
            }
            default -> {
                return "ignored: team " + action;
            }
        }
    }

    /** A GitHub team this directory does not know by id: a team here of that name is linked to it, else it is created. */
    private String adopt(String name, long id) {
        Optional<Team> sameName = teams.find(name);
        if (sameName.isPresent()) {
            Team t = sameName.get();
            teams.update(t.name(), new Team(t.name(), t.displayName(), t.platform(), t.folder(), id));
            return "linked " + name + " to GitHub";
        }
        teams.create(new Team(name, null, null, null, id), null);
        return "created " + name;
    }

    /** GitHub's name for a team it knows by id wins, unless another team here already has that name. */
    private String rename(Team t, String name) {
        if (!Team.keyOf(t.name()).equals(Team.keyOf(name)) && teams.find(name).isPresent()) {
            return "ignored: another team is already named " + name;
        }
        teams.update(t.name(), new Team(name, t.displayName(), t.platform(), t.folder(), t.githubId()));
        return "renamed " + t.name() + " to " + name;
    }

    private String membership(String action, JsonNode body) {
        if (!body.path("scope").asText("team").equals("team")) return "ignored: scope " + body.path("scope").asText();
        JsonNode teamNode = body.path("team");
        Optional<Team> team = teams.byGithubId(teamNode.path("id").asLong(0));
        if (team.isEmpty()) return "ignored: unknown team " + teamNode.path("name").asText("?");
        Optional<Profile> profile = person(body.path("member"));
        if (profile.isEmpty()) return "ignored: " + body.path("member").path("login").asText("?") + " is not in the directory";
        String userId = profile.get().userId();
        String teamName = team.get().name();
        if (action.equals("added")) {
            teams.addMember(teamName, userId, false);
            roles.joined(teamName, userId);
            return "added " + userId + " to " + teamName;
        }
        if (action.equals("removed")) {
            if (!teams.removeMember(teamName, userId)) return "already not in " + teamName;
            roles.left(teamName, userId);
            return "removed " + userId + " from " + teamName;
        }
        return "ignored: membership " + action;
    }

    /** The profile with this GitHub account: by id first (logins can be renamed), then by login. */
    private Optional<Profile> person(JsonNode user) {
        long id = user.path("id").asLong(0);
        if (id != 0) {
            Optional<Profile> byId = profiles.byGithubId(id);
            if (byId.isPresent()) return byId;
        }
        String login = user.path("login").asText("");
        if (login.isEmpty()) return Optional.empty();
        if (login.length() > MAX_LOGIN || InputChecks.hasControl(login, false)) {
            throw new WebhookRejected("the login is not 1 to " + MAX_LOGIN + " characters without control characters");
        }
        return profiles.byGithub(login);
    }
}
