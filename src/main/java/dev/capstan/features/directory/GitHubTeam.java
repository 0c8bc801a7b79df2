package dev.capstan.features.directory;

import java.util.List;

/** A team as GitHub lists it, with every member (maintainers marked), read to the last page. */
record GitHubTeam(long id, String name, List<Member> members) {

    /** One member of a GitHub team. */
    public record Member(long id, String login, boolean maintainer) { }
}
