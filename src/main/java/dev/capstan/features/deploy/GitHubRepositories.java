package dev.capstan.features.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.command.UserError;
import dev.capstan.http.HttpAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What `setup` and `hello` ask GitHub: whether the App sees a repository, and who its collaborators are. */
final class GitHubRepositories {
    private static final int PAGES = 5;
    private final GitHubRest rest;

    GitHubRepositories(GitHubRest rest) {
        this.rest = rest;
    }

    /** The repository's full name as GitHub spells it; empty when the App cannot see it. */
    Optional<String> visible(String repository) {
        HttpAnswer answer = rest.send("GET", "/repos/" + repository, null);
        if (answer.status() == 404 || answer.status() == 403) return Optional.empty();
        if (!answer.ok()) throw new UserError(":warning: GitHub answered " + answer.status() + " about `" + repository + "`: "
                + GitHubRest.message(answer) + ". Nothing was changed.");
        return Optional.of(answer.json().path("full_name").asText(repository));
    }

    /** The logins of the repository's collaborators, up to 500. */
    List<String> collaborators(String repository) {
        List<String> logins = new ArrayList<>();
        for (int page = 1; page <= PAGES; page++) {
            HttpAnswer answer = rest.send("GET", "/repos/" + repository + "/collaborators?per_page=100&page=" + page, null);
            if (answer.status() == 404 || answer.status() == 403) {
                throw new UserError(":warning: The GitHub App cannot list the collaborators of `" + repository + "` (HTTP "
                        + answer.status() + "); it needs read access to the repository's metadata.");
            }
            answer.requireSuccess("Listing the collaborators of " + repository);
            JsonNode list = answer.json();
            list.forEach(user -> logins.add(user.path("login").asText()));
            if (list.size() < 100) break;
        }
        return logins;
    }
}
