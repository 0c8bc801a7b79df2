package dev.capstan.features.directory;

import dev.capstan.command.Block;
import dev.capstan.command.HomeSections;
import java.util.List;
import java.util.Optional;

/** The directory's part of a person's Home tab: their role, teams (and which they lead), GitHub profile and karma. */
final class DirectoryHome implements HomeSections.Section {
    private final Services services;

    DirectoryHome(Services services) {
        this.services = services;
    }

    @Override
    public List<Block> blocks(String userId) {
        Optional<Profile> found = services.profiles().find(userId);
        if (found.isEmpty()) {
            return List.of(new Block.Header("Your profile"),
                    new Block.Section("You are not in the team directory yet: `/capstan user add` creates your profile."));
        }
        Profile profile = found.get();
        List<Membership> teams = services.teams().membershipsOf(userId);
        String github = profile.githubLogin() == null ? "not linked (`/capstan user edit --github <login>`)"
                : "<https://github.com/" + profile.githubLogin() + "|" + profile.githubLogin() + ">";
        String memberOf = teams.isEmpty() ? "no team" : String.join(", ", teams.stream()
                .map(m -> "`" + m.teamName() + "`" + (m.lead() ? " (lead)" : "")).toList());
        return List.of(new Block.Header("Your profile"), new Block.Section("", List.of(
                "*Role*\n" + services.people().roleOf(userId).label(),
                "*Teams*\n" + memberOf,
                "*GitHub*\n" + github,
                "*Karma*\n" + services.karma().of(userId))));
    }
}
