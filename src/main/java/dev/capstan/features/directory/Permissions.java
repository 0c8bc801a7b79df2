package dev.capstan.features.directory;

import dev.capstan.command.CommandContext;
import dev.capstan.command.UserError;
import java.util.List;

/** The directory's finer rules on top of the platform's role check: who may manage which team and edit whom. */
final class Permissions {
    private final Teams teams;

    Permissions(Teams teams) {
        this.teams = teams;
    }

    /** Admins, and leads of this very team. */
    void requireTeamManager(CommandContext ctx, Team team, String doing) {
        if (ctx.isAdmin() || teams.isLead(team.name(), ctx.userId())) return;
        throw new UserError(":no_entry: Only admins and leads of team `" + team.name() + "` can " + doing + ". "
                + leading(ctx.userId()));
    }

    /** You edit yourself; admins edit anyone; leads edit members of the teams they lead. */
    void requireProfileEditor(CommandContext ctx, String targetId) {
        if (ctx.userId().equals(targetId) || ctx.isAdmin()) return;
        boolean leadsTarget = teams.membershipsOf(targetId).stream()
                .anyMatch(m -> teams.isLead(m.teamName(), ctx.userId()));
        if (leadsTarget) return;
        throw new UserError(":no_entry: You can edit only your own profile, or those of members of teams you lead; <@"
                + targetId + "> is in none of yours. Admins can edit anyone. " + leading(ctx.userId()));
    }

    private String leading(String userId) {
        List<String> led = teams.membershipsOf(userId).stream().filter(Membership::lead).map(Membership::teamName).toList();
        return led.isEmpty() ? "You lead no team." : "You lead: " + String.join(", ", led) + ".";
    }
}
