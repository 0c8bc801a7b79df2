package dev.capstan.features.directory;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.TransientFailure;
import dev.capstan.command.UserError;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code team create}: checks everything locally first (so GitHub never gets an orphan team), creates the GitHub
 * team with its lead as maintainer, then records it; {@code --channel} adds that channel's registered members.
 */
@Command(name = "create", description = "Create a team (and its GitHub team), led by you or --lead.")
@CommandInfo(role = Role.TEAM_LEAD, slow = true)
final class CreateTeam implements CapstanCommand {
    /** What {@code --channel} holds when given without a channel: the channel the command was typed in. */
    private static final String HERE = "\u0000here";
    private final Services services;

    @Parameters(paramLabel = "TEAM") String name;
    @Option(names = {"--name", "--displayname"}, paramLabel = "DISPLAY_NAME", description = "The team's display name.") String displayName;
    @Option(names = "--platform", paramLabel = "PLATFORM") String platform;
    @Option(names = "--channel", paramLabel = "CHANNEL", arity = "0..1", fallbackValue = HERE,
            description = "Add every registered member of this channel (alone: of the channel you are in).") String channel;
    @Option(names = "--lead", paramLabel = "USER", description = "Who leads the team (default: you).") String lead;
    @Option(names = "--folder", paramLabel = "DRIVE_ID", description = "The team's Google Drive folder id.") String folder;

    CreateTeam(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        TeamNames.require(name, services.teams());
        InputChecks.teamDetails(displayName, platform, folder);
        if (HERE.equals(channel)) channel = ctx.caller().channelId();
        if (channel != null && !channel.matches("[CG][A-Z0-9]{2,31}")) {
            throw new UserError(":warning: `--channel` takes a channel: pick it with `#`, e.g. `#general`, or give `--channel` "
                    + "alone in the channel itself (not in a direct message). Nothing was changed.");
        }
        String leadId = lead == null ? ctx.userId() : UserIds.require(lead);
        Profile leadProfile = services.members().registered(leadId);
        boolean gitHub = services.github().configured();
        String leadLogin = gitHub ? TeamMembers.loginOf(leadProfile) : null;
        List<String> channelMembers = channel == null ? List.of() : ChannelMembers.of(services.slack(), channel);
        Long githubId = gitHub ? createOnGitHub(leadLogin) : null;
        Team team = new Team(name, blankToNull(displayName), blankToNull(platform), blankToNull(folder), githubId);
        services.teams().create(team, leadId);
        services.members().joined(team, leadId);
        StringBuilder reply = new StringBuilder(":white_check_mark: Created team `" + name + "`"
                + (gitHub ? " on GitHub and here" : " (here only: GitHub is not configured)") + ", led by <@" + leadId + ">.");
        if (channel != null) reply.append(addChannel(team, leadId, channelMembers));
        return Reply.text(reply.toString());
    }

    /** GitHub refuses a name in use; when a team of this name exists there now, the answer is the same as here. */
    private long createOnGitHub(String leadLogin) {
        OrgGitHub org = services.github().require("team create");
        try {
            return org.createTeam(name, displayName, leadLogin);
        } catch (UserError refused) {
            if (org.hasTeam(new Team(name, null, null, null, null).slug())) throw TeamNames.taken(name);
            throw refused;
        }
    }

    private String addChannel(Team team, String leadId, List<String> channelMembers) {
        List<String> added = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String member : channelMembers) {
            if (member.equals(leadId)) continue;
            try {
                services.members().add(team, member, false);
                added.add("<@" + member + ">");
            } catch (UserError | TransientFailure e) {
                skipped.add("<@" + member + ">: " + reason(e.getMessage()));
            }
        }
        StringBuilder text = new StringBuilder("\nFrom <#" + channel + ">: added " + added.size()
                + (added.isEmpty() ? "" : " (" + String.join(", ", added) + ")") + ".");
        if (!skipped.isEmpty()) text.append("\nCould not add ").append(skipped.size()).append(":\n• ").append(String.join("\n• ", skipped));
        return text.toString();
    }

    private static String reason(String message) {
        if (message.contains("not registered")) return "not registered in the directory";
        if (message.contains("no GitHub login")) return "no GitHub login linked";
        return message.replaceFirst("^:[a-z_]+: ", "");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
