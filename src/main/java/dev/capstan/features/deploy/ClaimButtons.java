package dev.capstan.features.deploy;

import dev.capstan.command.Block;
import dev.capstan.store.GitHubIdentities;
import java.util.ArrayList;
import java.util.List;

/**
 * deploybot's "select your GitHub username" buttons: one per collaborator of the repository nobody has claimed yet.
 * {@code hello}, {@code setup} and the note to someone joining a bound channel show them; a click links the clicker.
 */
final class ClaimButtons {
    /** A click on a message only its reader sees ({@code hello}, the newcomer's note): the answer replaces it. */
    static final String REPLACING = "deploy.hello";
    /** A click on a message the channel sees ({@code setup}): the answer goes to the clicker alone; the buttons stay for others. */
    static final String IN_CHANNEL = "deploy.claim";
    static final String ASK = "Who are you when you're not here? Select your GitHub username so we can connect it to your Slack "
            + "username. If you don't see your name you don't have access to the repository.";
    private static final int MAX_BUTTONS = 100;
    private static final int PER_ROW = 25;

    private ClaimButtons() {
    }

    /** The repository's collaborators without a linked Slack user, at most 100. */
    static List<String> unclaimed(DeployServices services, String repository) {
        return unclaimed(services.identities(), services.repositories().collaborators(repository));
    }

    /** Those of {@code collaborators} without a linked Slack user, at most 100. */
    static List<String> unclaimed(GitHubIdentities identities, List<String> collaborators) {
        return collaborators.stream().filter(login -> identities.ownerOf(login).isEmpty()).limit(MAX_BUTTONS).toList();
    }

    /** Rows of buttons for {@code logins}, clicked as {@code actionId}. */
    static List<Block> rows(List<String> logins, String actionId) {
        List<Block> rows = new ArrayList<>();
        for (int i = 0; i < logins.size(); i += PER_ROW) {
            rows.add(new Block.Actions(logins.subList(i, Math.min(logins.size(), i + PER_ROW)).stream()
                    .map(login -> new Block.Button("@" + login, actionId, login, Block.Button.Style.DEFAULT)).toList()));
        }
        return rows;
    }
}
