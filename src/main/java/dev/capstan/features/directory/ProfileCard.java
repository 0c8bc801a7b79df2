package dev.capstan.features.directory;

import dev.capstan.command.Block;
import dev.capstan.command.Role;
import java.util.ArrayList;
import java.util.List;

/** A profile as a Block Kit card: the name as header, the filled-in fields, optionally the teams. */
final class ProfileCard {
    private ProfileCard() {
    }

    static List<Block> render(Profile profile, Role role, long karma, List<Membership> teams, boolean inspect) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header(profile.name() == null ? profile.userId() : profile.name()));
        List<String> fields = new ArrayList<>();
        fields.add("*Slack*\n<@" + profile.userId() + ">");
        fields.add("*Email*\n" + orDash(profile.email()));
        fields.add("*Position*\n" + orDash(profile.position()));
        fields.add("*GitHub*\n" + (profile.githubLogin() == null ? "—" : "`" + profile.githubLogin() + "`"));
        fields.add("*Major*\n" + orDash(profile.major()));
        fields.add("*Role*\n" + role.label());
        fields.add("*Karma*\n" + karma);
        blocks.add(new Block.Section(profile.bio() == null ? "_No bio yet._" : profile.bio(), fields));
        if (inspect) {
            List<String> member = teams.stream().map(m -> "`" + m.teamName() + "`").toList();
            List<String> leading = teams.stream().filter(Membership::lead).map(m -> "`" + m.teamName() + "`").toList();
            blocks.add(new Block.Context("*Member of:* " + (member.isEmpty() ? "no team" : String.join(", ", member))
                    + "   *Leading:* " + (leading.isEmpty() ? "no team" : String.join(", ", leading))));
        }
        return blocks;
    }

    private static String orDash(String value) {
        return value == null ? "—" : value;
    }
}
