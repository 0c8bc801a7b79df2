package dev.capstan.features.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pretend GitHub organisation {@code acme}: the playground's people are its members, any login is a GitHub user,
 * and teams live in memory with their members and maintainers, answered on the paths hub4j and the directory call
 * ({@code /orgs/acme/teams/{slug}…} and {@code /organizations/{id}/team/{id}…}).
 */
final class PretendOrg {
    static final String LOGIN = "acme";
    static final long ID = 9000;
    /** The directory's default GitHub team (GITHUB_DEFAULT_TEAM_NAME unset): everyone with a linked login. */
    static final String DEFAULT_TEAM = "all";
    private static final Pattern TEAM_BY_ID = Pattern.compile("/organizations/\\d+/team/(\\d+)(/.*)?");
    private static final Pattern TEAM_BY_SLUG = Pattern.compile("/orgs/" + LOGIN + "/teams/([^/]+)(/.*)?");

    /** One team: its members by lowercase login, each "member" or "maintainer". */
    private record Team(long id, String name, String slug, String description, Map<String, String> members) { }

    /** An answer: status and JSON body (null for an empty body). */
    record Answer(int status, JsonNode body) { }

    private final String apiUrl;
    private final Map<String, String> orgRoles = new ConcurrentHashMap<>();
    private final Map<Long, Team> teams = new ConcurrentHashMap<>();
    private final AtomicLong teamIds = new AtomicLong(700);

    /**
     * {@code apiUrl} is where the pretend GitHub answers, for the URLs inside its answers. The {@code members} are
     * linked in the directory, so they are also in its default GitHub team {@code all}, as linking them there would have done.
     */
    PretendOrg(String apiUrl, List<String> members) {
        this.apiUrl = apiUrl;
        members.forEach(login -> orgRoles.put(login, "member"));
        Map<String, String> everyone = new TreeMap<>();
        members.forEach(login -> everyone.put(login.toLowerCase(Locale.ROOT), "member"));
        Team all = new Team(teamIds.incrementAndGet(), DEFAULT_TEAM, DEFAULT_TEAM, null, everyone);
        teams.put(all.id(), all);
    }

    /** Answers a call under /orgs/acme, /organizations/… or /users/…; empty when the path is none of those. */
    synchronized Optional<Answer> handle(String method, String path, String query, JsonNode body) {
        Matcher byId = TEAM_BY_ID.matcher(path);
        Matcher bySlug = TEAM_BY_SLUG.matcher(path);
        if (path.startsWith("/users/")) return Optional.of(new Answer(200, user(path.substring("/users/".length()))));
        if (path.equals("/orgs/" + LOGIN) && method.equals("GET")) {
            return Optional.of(new Answer(200, Workspace.JSON.createObjectNode().put("login", LOGIN).put("id", ID)
                    .put("url", apiUrl + "/orgs/" + LOGIN)));
        }
        if (path.startsWith("/orgs/" + LOGIN + "/memberships/")) return Optional.of(membership(method, path.substring(path.lastIndexOf('/') + 1)));
        if (path.equals("/orgs/" + LOGIN + "/teams") && method.equals("GET")) {
            ArrayNode list = Workspace.JSON.createArrayNode();
            teams.values().stream().sorted(Comparator.comparingLong(Team::id)).forEach(team -> list.add(json(team)));
            return Optional.of(new Answer(200, list));
        }
        if (path.equals("/orgs/" + LOGIN + "/teams") && method.equals("POST")) return Optional.of(create(body));
        if (byId.matches()) return Optional.of(team(method, teams.get(Long.parseLong(byId.group(1))), byId.group(2), query, body));
        if (bySlug.matches()) {
            Team team = teams.values().stream().filter(t -> t.slug().equals(bySlug.group(1))).findFirst().orElse(null);
            return Optional.of(team(method, team, bySlug.group(2), query, body));
        }
        return Optional.empty();
    }

    private Answer membership(String method, String login) {
        String key = login.toLowerCase(Locale.ROOT);
        return switch (method) {
            case "GET" -> orgRoles.containsKey(key) ? new Answer(200, role("active", orgRoles.get(key))) : notFound();
            case "PUT" -> {
                orgRoles.putIfAbsent(key, "member");
                yield new Answer(200, role("pending", orgRoles.get(key)));
            }
            case "DELETE" -> orgRoles.remove(key) != null ? new Answer(204, null) : notFound();
            default -> notFound();
        };
    }

    private Answer create(JsonNode body) {
        String name = body.path("name").asText();
        if (teams.values().stream().anyMatch(t -> t.slug().equals(slug(name)))) {
            return new Answer(422, Workspace.JSON.createObjectNode().put("message", "Validation Failed: Name must be unique for this org"));
        }
        Map<String, String> members = new TreeMap<>();
        body.path("maintainers").forEach(login -> members.put(login.asText().toLowerCase(Locale.ROOT), "maintainer"));
        Team team = new Team(teamIds.incrementAndGet(), name, slug(name), body.path("description").asText(null), members);
        teams.put(team.id(), team);
        return new Answer(201, json(team));
    }

    private Answer team(String method, Team team, String tail, String query, JsonNode body) {
        if (team == null) return notFound();
        String rest = tail == null ? "" : tail;
        if (rest.isEmpty()) {
            switch (method) {
                case "GET":
                    return new Answer(200, json(team));
                case "DELETE":
                    teams.remove(team.id());
                    return new Answer(204, null);
                case "PATCH":
                    String name = body.path("name").asText(team.name());
                    Team edited = new Team(team.id(), name, slug(name), body.path("description").asText(team.description()), team.members());
                    teams.put(team.id(), edited);
                    return new Answer(200, json(edited));
                default:
                    return notFound();
            }
        }
        if (rest.equals("/members") && method.equals("GET")) {
            ArrayNode list = Workspace.JSON.createArrayNode();
            team.members().forEach((login, role) -> {
                if (roleWanted(query, role)) list.add(user(login));
            });
            return new Answer(200, list);
        }
        if (rest.startsWith("/memberships/")) {
            String login = rest.substring("/memberships/".length()).toLowerCase(Locale.ROOT);
            if (method.equals("PUT")) {
                String role = body.path("role").asText("member");
                team.members().put(login, role);
                return new Answer(200, role("active", role));
            }
            if (method.equals("DELETE")) return team.members().remove(login) != null ? new Answer(204, null) : notFound();
        }
        return notFound();
    }

    /** A member list's {@code role} filter: all (the default), member or maintainer. */
    private static boolean roleWanted(String query, String role) {
        Matcher wanted = Pattern.compile("(?:^|&)role=([a-z]+)").matcher(query);
        return !wanted.find() || wanted.group(1).equals("all") || wanted.group(1).equals(role);
    }

    private ObjectNode json(Team team) {
        ObjectNode node = Workspace.JSON.createObjectNode().put("id", team.id()).put("name", team.name()).put("slug", team.slug())
                .put("description", team.description()).put("privacy", "closed")
                .put("url", apiUrl + "/organizations/" + ID + "/team/" + team.id());
        node.putObject("organization").put("login", LOGIN).put("id", ID);
        return node;
    }

    private ObjectNode user(String login) {
        return Workspace.JSON.createObjectNode().put("login", login).put("id", userId(login)).put("type", "User")
                .put("url", apiUrl + "/users/" + login);
    }

    /** A GitHub user id that stays the same for a login. */
    static long userId(String login) {
        return 1000 + Math.floorMod(login.toLowerCase(Locale.ROOT).hashCode(), 9_000_000);
    }

    private static ObjectNode role(String state, String role) {
        return Workspace.JSON.createObjectNode().put("state", state).put("role", role);
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "-").replaceAll("^-+|-+$", "");
    }

    private static Answer notFound() {
        return new Answer(404, Workspace.JSON.createObjectNode().put("message", "Not Found"));
    }
}
