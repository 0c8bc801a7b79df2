package dev.capstan.features.directory;

import dev.capstan.command.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Moves a person's GitHub team memberships from one login to another (or to none), GitHub first and one call at
 * a time. Every call may be repeated, so a retried job finishes the work; a refusal partway says what was done.
 */
final class GitHubLoginMove {
    private final Services services;
    private final List<String> done = new ArrayList<>();

    GitHubLoginMove(Services services) {
        this.services = services;
    }

    /** What linking did: the account's GitHub id and how many GitHub teams now hold the new login. */
    record Linked(long githubId, int teams) { }

    /** Makes sure {@code newLogin} is in the organisation, then puts it in place of {@code oldLogin} in each team. */
    Linked link(String userId, String oldLogin, String newLogin) {
        OrgGitHub org = services.github().require("--github");
        long id = step("invite `" + newLogin + "` to the organisation", () -> org.invite(newLogin));
        done.add("`" + newLogin + "` is in the organisation");
        DefaultTeam all = services.defaultTeam();
        step("add `" + newLogin + "` to GitHub team `" + all.slug() + "`", () -> all.join(org, newLogin));
        done.add("`" + newLogin + "` is in GitHub team `" + all.slug() + "`");
        int moved = 0;
        for (Membership membership : gitHubTeamsOf(userId)) {
            String slug = services.team(membership.teamName()).slug();
            step("add `" + newLogin + "` to GitHub team `" + slug + "`", () -> {
                org.addToTeam(slug, newLogin, membership.lead());
                return null;
            });
            done.add("added `" + newLogin + "` to GitHub team `" + slug + "`");
            if (oldLogin != null) removeFrom(org, slug, oldLogin);
            moved++;
        }
        if (oldLogin != null && !oldLogin.equalsIgnoreCase(newLogin)) leaveDefaultTeam(org, oldLogin);
        return new Linked(id, moved);
    }

    /** Takes {@code oldLogin} out of each of the person's GitHub teams; returns how many. */
    int unlink(String userId, String oldLogin) {
        List<Membership> onGitHub = gitHubTeamsOf(userId);
        if (onGitHub.isEmpty() && !services.github().configured()) return 0;
        OrgGitHub org = services.github().require("--github");
        for (Membership membership : onGitHub) removeFrom(org, services.team(membership.teamName()).slug(), oldLogin);
        leaveDefaultTeam(org, oldLogin);
        return onGitHub.size();
    }

    /** A login that is no longer linked leaves the default team (GITHUB_DEFAULT_TEAM_NAME), unless the moves above did it. */
    private void leaveDefaultTeam(OrgGitHub org, String login) {
        String slug = services.defaultTeam().slug();
        if (done.contains("removed `" + login + "` from GitHub team `" + slug + "`")) return;
        removeFrom(org, slug, login);
    }

    private void removeFrom(OrgGitHub org, String slug, String login) {
        step("remove `" + login + "` from GitHub team `" + slug + "`", () -> {
            org.removeFromTeam(slug, login);
            return null;
        });
        done.add("removed `" + login + "` from GitHub team `" + slug + "`");
    }

    private List<Membership> gitHubTeamsOf(String userId) {
        return services.teams().membershipsOf(userId).stream()
                .filter(m -> services.members().onGitHub(services.team(m.teamName()))).toList();
    }

    /** Runs one GitHub call; when GitHub refuses after earlier calls succeeded, the reply lists those calls. */
    private <T> T step(String doing, Supplier<T> call) {
        try {
            return call.get();
        } catch (UserError refused) {
            if (done.isEmpty()) throw refused;
            throw new UserError(refused.getMessage().replace(" Nothing was changed.", "")
                    + "\nAlready done on GitHub: " + String.join("; ", done) + ".\nNot done: " + doing
                    + " and what follows it; the profile here was not changed. Running the same command again "
                    + "finishes the work (steps already done are skipped).");
        }
    }
}
