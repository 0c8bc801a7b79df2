package dev.capstan.features.directory;

import dev.capstan.github.GitHubApp;
import dev.capstan.github.GitHubFailures;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import org.kohsuke.github.GHException;
import org.kohsuke.github.GHOrganization;
import org.kohsuke.github.GHTeam;
import org.kohsuke.github.GHUser;
import org.kohsuke.github.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link OrgGitHub} through hub4j as the installed GitHub App. */
final class HubOrgGitHub implements OrgGitHub {
    private static final Logger log = LoggerFactory.getLogger(HubOrgGitHub.class);
    private static final int PAGE = 100;
    private final GitHubApp app;
    private final RawGitHub raw;

    HubOrgGitHub(GitHubApp app) {
        this.app = app;
        this.raw = new RawGitHub(app);
    }

    /** A GitHub call that may fail with an IOException. */
    private interface Call<T> {
        T run() throws IOException;
    }

    private static <T> T call(String doing, Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw GitHubFailures.explain(doing, e);
        } catch (GHException e) {
            // hub4j's paged lists fail while iterating, wrapping GitHub's answer in an unchecked exception
            if (e.getCause() instanceof IOException cause) throw GitHubFailures.explain(doing, cause);
            throw e;
        }
    }

    private GHOrganization org() throws IOException {
        return app.client().getOrganization(app.organization());
    }

    @Override
    public String organization() {
        return app.organization();
    }

    @Override
    public long invite(String login) {
        return call("invite `" + login + "` to " + app.organization(), () -> {
            GHUser user = app.client().getUser(login);
            if (raw.send("GET", "/memberships/" + login, null).status() == 404) {
                RawGitHub.Answer invited = raw.send("PUT", "/memberships/" + login, Map.of("role", "member"));
                if (invited.status() == 404) throw new HttpException(invited.body().toString(), 404, "Not Found", login);
            }
            return user.getId();
        });
    }

    @Override
    public long createTeam(String name, String description, String maintainerLogin) {
        return call("create team `" + name + "`", () -> {
            var builder = org().createTeam(name).privacy(GHTeam.Privacy.CLOSED);
            if (description != null) builder.description(description);
            if (maintainerLogin != null) builder.maintainers(maintainerLogin);
            return builder.create().getId();
        });
    }

    @Override
    public void addToTeam(String teamSlug, String login, boolean maintainer) {
        call("add `" + login + "` to team `" + teamSlug + "`", () -> {
            org().getTeamBySlug(teamSlug).add(app.client().getUser(login), maintainer ? GHTeam.Role.MAINTAINER : GHTeam.Role.MEMBER);
            return null;
        });
    }

    @Override
    public void removeFromTeam(String teamSlug, String login) {
        call("remove `" + login + "` from team `" + teamSlug + "`", () -> {
            try {
                org().getTeamBySlug(teamSlug).remove(app.client().getUser(login));
            } catch (FileNotFoundException alreadyGone) {
                log.info("{} was already not in GitHub team {}", login, teamSlug);
            }
            return null;
        });
    }

    /** hub4j 1.330 cannot rename a team: PATCH /orgs/{org}/teams/{slug} with only the fields that change. */
    @Override
    public void editTeam(String teamSlug, String newName, String description) {
        call("edit team `" + teamSlug + "`", () -> {
            Map<String, Object> fields = new HashMap<>();
            if (newName != null) fields.put("name", newName);
            if (description != null) fields.put("description", description);
            RawGitHub.Answer answer = raw.send("PATCH", "/teams/" + teamSlug, fields);
            if (answer.status() == 404) throw new HttpException(answer.body().toString(), 404, "Not Found", teamSlug);
            return null;
        });
    }

    @Override
    public List<GitHubTeam> teams() {
        return call("list the teams of " + app.organization(), () -> {
            List<GitHubTeam> teams = new ArrayList<>();
            for (GHTeam team : org().listTeams().withPageSize(PAGE)) {
                Set<Long> maintainers = new HashSet<>();
                for (GHUser user : team.listMembers(GHTeam.Role.MAINTAINER).withPageSize(PAGE)) maintainers.add(user.getId());
                List<GitHubTeam.Member> members = new ArrayList<>();
                for (GHUser user : team.listMembers().withPageSize(PAGE)) {
                    members.add(new GitHubTeam.Member(user.getId(), user.getLogin(), maintainers.contains(user.getId())));
                }
                teams.add(new GitHubTeam(team.getId(), team.getName(), members));
            }
            return teams;
        });
    }

    @Override
    public boolean hasTeam(String teamSlug) {
        return call("look up team `" + teamSlug + "`", () -> raw.send("GET", "/teams/" + teamSlug, null).status() == 200);
    }

    @Override
    public void deleteTeam(String teamSlug) {
        call("delete team `" + teamSlug + "`", () -> {
            org().getTeamBySlug(teamSlug).delete();
            return null;
        });
    }

    @Override
    public Optional<String> repository(String fullName) {
        return call("look up repository `" + fullName + "`", () -> {
            RawGitHub.Answer answer = raw.sendApi("GET", "/repos/" + fullName, null);
            return answer.status() == 404 ? Optional.<String>empty() : Optional.of(answer.body().path("full_name").asText(fullName));
        });
    }

    @Override
    public boolean teamHasRepository(String teamSlug, String fullName) {
        return call("check team `" + teamSlug + "` on `" + fullName + "`",
                () -> raw.send("GET", "/teams/" + teamSlug + "/repos/" + fullName, null).status() != 404);
    }

    @Override
    public void grantRepository(String teamSlug, String fullName, String permission) {
        call("give team `" + teamSlug + "` " + permission + " access to `" + fullName + "`", () -> {
            RawGitHub.Answer answer = raw.send("PUT", "/teams/" + teamSlug + "/repos/" + fullName, Map.of("permission", permission));
            if (answer.status() == 404) throw new HttpException(answer.body().toString(), 404, "Not Found", fullName);
            return null;
        });
    }

    @Override
    public void revokeRepository(String teamSlug, String fullName) {
        call("take `" + fullName + "` from team `" + teamSlug + "`", () -> {
            if (raw.send("DELETE", "/teams/" + teamSlug + "/repos/" + fullName, null).status() == 404) {
                log.info("Team {} already had no access to {}", teamSlug, fullName);
            }
            return null;
        });
    }

    @Override
    public boolean ensureInTeam(String teamName, String login) {
        String slug = new Team(teamName, null, null, null, null).slug();
        return call("add `" + login + "` to team `" + slug + "`", () -> {
            if (raw.send("GET", "/teams/" + slug, null).status() == 404) {
                org().createTeam(teamName).privacy(GHTeam.Privacy.CLOSED).description("Everyone with a linked GitHub login").create();
            }
            if (raw.send("GET", "/teams/" + slug + "/memberships/" + login, null).status() != 404) return false;
            RawGitHub.Answer added = raw.send("PUT", "/teams/" + slug + "/memberships/" + login, Map.of("role", "member"));
            if (added.status() == 404) throw new HttpException(added.body().toString(), 404, "Not Found", login);
            return true;
        });
    }

    @Override
    public Set<String> loginsIn(String teamName) {
        String slug = new Team(teamName, null, null, null, null).slug();
        return call("list the members of team `" + slug + "`", () -> {
            Set<String> logins = new HashSet<>();
            if (raw.send("GET", "/teams/" + slug, null).status() == 404) return logins;
            for (GHUser user : org().getTeamBySlug(slug).listMembers().withPageSize(PAGE)) logins.add(user.getLogin().toLowerCase(Locale.ROOT));
            return logins;
        });
    }
}
