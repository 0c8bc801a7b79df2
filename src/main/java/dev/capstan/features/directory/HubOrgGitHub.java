package dev.capstan.features.directory;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.github.GitHubApp;
import dev.capstan.github.GitHubFailures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kohsuke.github.GHOrganization;
import org.kohsuke.github.GHTeam;
import org.kohsuke.github.GHUser;
import org.kohsuke.github.HttpException;

/** {@link OrgGitHub} through hub4j as the installed GitHub App. */
final class HubOrgGitHub implements OrgGitHub {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int PAGE = 100;
    private final GitHubApp app;

    HubOrgGitHub(GitHubApp app) {
        this.app = app;
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
        }
    }

    private GHOrganization org() throws IOException {
        return app.client().getOrganization(app.organization());
    }

    @Override
    public long invite(String login) {
        return call("invite `" + login + "` to " + app.organization(), () -> {
            GHUser user = app.client().getUser(login);
            org().add(user, GHOrganization.Role.MEMBER);
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
            org().getTeamBySlug(teamSlug).remove(app.client().getUser(login));
            return null;
        });
    }

    /** hub4j 1.330 has no team rename, so this is the one raw call: PATCH /orgs/{org}/teams/{slug}. */
    @Override
    public void renameTeam(String teamSlug, String newName) {
        call("rename team `" + teamSlug + "`", () -> {
            String url = app.apiUrl().replaceAll("/+$", "") + "/orgs/" + app.organization() + "/teams/" + teamSlug;
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", app.authorization())
                    .header("Accept", "application/vnd.github+json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("name", newName))))
                    .build();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 300) {
                    throw new HttpException(response.body(), response.statusCode(), "", url);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
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
    public void deleteTeam(String teamSlug) {
        call("delete team `" + teamSlug + "`", () -> {
            org().getTeamBySlug(teamSlug).delete();
            return null;
        });
    }
}
