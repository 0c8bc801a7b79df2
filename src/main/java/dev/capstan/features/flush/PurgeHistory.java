package dev.capstan.features.flush;

import dev.capstan.command.Block;
import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.DidYouMean;
import dev.capstan.command.Refusal;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.UserError;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code /flush history [--site S] [--limit N]}: recent purges of the sites you may flush (admins: all). */
@Command(name = "history", description = "Recent purges of the sites you may flush: who, site, mode, how many, outcome.")
@CommandInfo(role = Role.MEMBER)
final class PurgeHistory implements CapstanCommand {
    private final Sites sites;
    private final SiteAccess access;
    private final Purges purges;

    @Option(names = "--site", paramLabel = "SITE", description = "Only this site.")
    String site;

    @Option(names = "--limit", paramLabel = "N", description = "How many, from 1 to 100 (default 20).")
    int limit = 20;

    PurgeHistory(Sites sites, SiteAccess access, Purges purges) {
        this.sites = sites;
        this.access = access;
        this.purges = purges;
    }

    @Override
    public Reply run(CommandContext ctx) {
        if (limit < 1 || limit > 100) throw new UserError("--limit takes 1 to 100, not " + limit + ".");
        List<Site> visible = ctx.isAdmin() ? sites.all() : access.usable(ctx.userId(), ctx.caller().channelId());
        List<String> names = visible.stream().map(Site::name).toList();
        if (site != null) {
            Site wanted = sites.find(site).orElseThrow(() -> new UserError("There is no site `" + site + "`."
                    + DidYouMean.sentence(site, sites.names()) + " Sites: " + String.join(", ", sites.names()) + "."));
            if (!names.contains(wanted.name())) {
                throw new Refusal("site " + wanted.name() + " access", "You may not flush site " + wanted.name() + ", so its history is not shown.");
            }
            names = List.of(wanted.name());
        }
        if (names.isEmpty()) return Reply.text("You may not flush any site's cache, so there is no history to show.");
        List<Purge> recent = purges.recent(names, limit);
        if (recent.isEmpty()) return Reply.text("No purges yet" + (site == null ? "." : " on " + names.get(0) + "."));
        List<String> lines = new ArrayList<>();
        for (Purge purge : recent) {
            lines.add("<!date^" + purge.requestedAt().getEpochSecond() + "^{date_short} {time}|" + purge.requestedAt() + "> · <@"
                    + purge.requestedBy() + "> · *" + purge.order().site() + "* · " + purge.order().mode().id() + " · "
                    + purge.order().what() + " · " + outcome(purge));
        }
        String title = "Recent purges" + (site == null ? "" : " on " + names.get(0)) + " (newest first)";
        return Reply.blocks(title, List.of(new Block.Section("*" + title + "*\n" + String.join("\n", lines))));
    }

    static String outcome(Purge purge) {
        if (purge.outcome() == null) return ":hourglass_flowing_sand: in progress";
        return switch (purge.outcome()) {
            case SUCCEEDED -> ":white_check_mark: succeeded";
            case PARTIAL -> ":warning: partly failed";
            case FAILED -> ":x: failed";
        };
    }
}
