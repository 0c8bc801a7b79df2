package dev.capstan.features.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.http.HttpAnswer;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a dry run asks GitHub: what is going out ("Compare two commits", {@code GET /repos/{o}/{r}/compare/{base}...{head}}:
 * its status, commit count, commits and web link), and the state of a commit's checks (its combined commit status and
 * its check runs).
 */
final class GitHubCompare {
    /** Squash merges end their first line with "(#123)"; merge commits say "Merge pull request #123". */
    private static final Pattern PULL_REQUEST = Pattern.compile("(?:^Merge pull request #(\\d+)|\\(#(\\d+)\\)\\s*$)");

    /** head compared with base: ahead, behind, diverged or identical; the commits' authors and pull requests. */
    record Comparison(String status, int aheadBy, int behindBy, int totalCommits, List<String> authors, List<Integer> pullRequests,
                      String url) { }

    private final GitHubRest rest;

    GitHubCompare(GitHubRest rest) {
        this.rest = rest;
    }

    /** Empty when GitHub cannot compare the two (a commit it does not know, or no common history). */
    Optional<Comparison> compare(String repository, String base, String head) {
        HttpAnswer answer = rest.send("GET", "/repos/" + repository + "/compare/" + base + "..." + head, null);
        if (!answer.ok()) return Optional.empty();
        JsonNode body = answer.json();
        Set<String> authors = new LinkedHashSet<>();
        Set<Integer> pulls = new LinkedHashSet<>();
        for (JsonNode commit : body.path("commits")) {
            String login = commit.path("author").path("login").asText("");
            authors.add(login.isBlank() ? commit.path("commit").path("author").path("name").asText("someone") : login);
            Matcher m = PULL_REQUEST.matcher(commit.path("commit").path("message").asText("").lines().findFirst().orElse(""));
            if (m.find()) pulls.add(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        return Optional.of(new Comparison(body.path("status").asText("unknown"), body.path("ahead_by").asInt(), body.path("behind_by").asInt(),
                body.path("total_commits").asInt(), List.copyOf(authors), List.copyOf(pulls), body.path("html_url").asText(null)));
    }

    /**
     * The state of each check of {@code sha} by context or check name (success, failure, pending, …): the required ones,
     * "missing" where GitHub has none; all of them when none is required.
     */
    Map<String, String> checks(String repository, String sha, List<String> required) {
        Map<String, String> known = new LinkedHashMap<>();
        HttpAnswer statuses = rest.send("GET", "/repos/" + repository + "/commits/" + sha + "/status", null);
        if (statuses.ok()) statuses.json().path("statuses").forEach(s -> known.putIfAbsent(s.path("context").asText(), s.path("state").asText()));
        HttpAnswer runs = rest.send("GET", "/repos/" + repository + "/commits/" + sha + "/check-runs", null);
        if (runs.ok()) {
            runs.json().path("check_runs").forEach(run -> known.putIfAbsent(run.path("name").asText(),
                    run.path("status").asText().equals("completed") ? run.path("conclusion").asText("unknown") : "pending"));
        }
        if (required.isEmpty()) return known;
        Map<String, String> wanted = new LinkedHashMap<>();
        required.forEach(context -> wanted.put(context, known.getOrDefault(context, "missing")));
        return wanted;
    }
}
