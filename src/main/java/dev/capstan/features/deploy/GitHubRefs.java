package dev.capstan.features.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.command.UserError;
import dev.capstan.http.HttpAnswer;
import java.util.ArrayList;
import java.util.List;

/** What {@code deploy <env>} asks GitHub to pick a ref: the repository's default branch and its tags with their commits. */
final class GitHubRefs {
    /** GitHub lists at most 100 tags a page; ten pages are plenty for release tags. */
    private static final int PAGES = 10;

    /** A tag and the commit it points at. */
    record Tag(String name, String sha) { }

    private final GitHubRest rest;

    GitHubRefs(GitHubRest rest) {
        this.rest = rest;
    }

    /** The repository's default branch ("Get a repository": {@code default_branch}). */
    String defaultBranch(String repository) {
        HttpAnswer answer = rest.send("GET", "/repos/" + repository, null);
        refuseUnreadable(answer, repository);
        answer.requireSuccess("Reading " + repository);
        String branch = answer.json().path("default_branch").asText("");
        if (branch.isBlank()) throw new UserError(":warning: GitHub names no default branch for `" + repository + "` (is it empty?).");
        return branch;
    }

    /** The repository's tags, in GitHub's order, which is not by date ("List repository tags"). */
    List<Tag> tags(String repository) {
        List<Tag> tags = new ArrayList<>();
        for (int page = 1; page <= PAGES; page++) {
            HttpAnswer answer = rest.send("GET", "/repos/" + repository + "/tags?per_page=100&page=" + page, null);
            refuseUnreadable(answer, repository);
            answer.requireSuccess("Listing the tags of " + repository);
            JsonNode list = answer.json();
            list.forEach(tag -> tags.add(new Tag(tag.path("name").asText(), tag.path("commit").path("sha").asText(null))));
            if (list.size() < 100) break;
        }
        return tags;
    }

    private static void refuseUnreadable(HttpAnswer answer, String repository) {
        if (answer.status() == 404 || answer.status() == 403) {
            throw new UserError(":warning: The GitHub App cannot read `" + repository + "` (HTTP " + answer.status()
                    + "); it needs Contents and Metadata read access to the repository.");
        }
    }
}
