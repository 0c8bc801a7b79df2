package dev.capstan.features.directory;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import picocli.CommandLine.Command;

/**
 * {@code team refresh}: an admin reconciles every team and its members from GitHub, puts every linked login in the default
 * GitHub team (GITHUB_DEFAULT_TEAM_NAME), and reads what changed.
 */
@Command(name = "refresh", description = "Reconcile teams and members from GitHub (admins).")
@CommandInfo(role = Role.ADMIN, slow = true)
final class RefreshTeams implements CapstanCommand {
    private final Services services;
    private final TeamReconciler reconciler;

    RefreshTeams(Services services, TeamReconciler reconciler) {
        this.services = services;
        this.reconciler = reconciler;
    }

    @Override
    public Reply run(CommandContext ctx) {
        OrgGitHub org = services.github().require("team refresh");
        var remote = org.teams();
        TeamReconciler.Report report = reconciler.apply(remote);
        DefaultTeam all = services.defaultTeam();
        all.reconcile(org, services.profiles().all()).forEach(login -> report.changes().add("`" + login
                + "` joined GitHub team `" + all.slug() + "` (everyone with a linked GitHub login is in it)"));
        String unknown = report.unknownAccounts() == 0 ? "" : "\n" + report.unknownAccounts()
                + " GitHub account(s) in these teams are linked to nobody in the directory and were left out.";
        if (report.changes().isEmpty()) {
            return Reply.text(":white_check_mark: Checked " + remote.size() + " GitHub teams: the directory was already in step." + unknown);
        }
        return Reply.text(":arrows_counterclockwise: Checked " + remote.size() + " GitHub teams; " + report.changes().size()
                + " change(s):\n• " + String.join("\n• ", report.changes()) + unknown);
    }
}
