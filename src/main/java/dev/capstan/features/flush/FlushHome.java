package dev.capstan.features.flush;

import dev.capstan.command.Block;
import dev.capstan.command.HomeSections;
import java.util.ArrayList;
import java.util.List;

/** Cache flush's part of a person's Home tab: their last purges with how each ended, and "Purge again" on each. */
final class FlushHome implements HomeSections.Section {
    private static final int SHOWN = 5;
    private static final int TARGETS_SHOWN = 3;

    private final Purges purges;
    private final Sites sites;

    FlushHome(Purges purges, Sites sites) {
        this.purges = purges;
        this.sites = sites;
    }

    @Override
    public List<Block> blocks(String userId) {
        List<Purge> mine = purges.requestedBy(userId, SHOWN);
        if (mine.isEmpty()) return List.of();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("Your last purges"));
        for (Purge purge : mine) {
            String site = sites.find(purge.order().site()).map(Site::label).orElse(purge.order().site());
            blocks.add(new Block.Section("<!date^" + purge.requestedAt().getEpochSecond() + "^{date_short_pretty} {time}|"
                    + purge.requestedAt() + "> · *" + site + "* · " + purge.order().mode().id() + " · " + purge.order().what()
                    + targets(purge.order()) + " · " + PurgeHistory.outcome(purge)));
            if (!purge.order().kind().whole() && sites.find(purge.order().site()).isPresent()) {
                blocks.add(new Block.Actions(List.of(new Block.Button("Purge again", PurgeReport.AGAIN_ACTION, purge.id(),
                        Block.Button.Style.DEFAULT))));
            }
        }
        return blocks;
    }

    /** The first few targets, so that a person recognises the purge. */
    private static String targets(PurgeOrder order) {
        if (order.kind().whole() || order.targets().isEmpty()) return "";
        List<String> first = order.targets().stream().limit(TARGETS_SHOWN).map(t -> "`" + (t.length() > 80 ? t.substring(0, 79) + "…" : t) + "`").toList();
        return ": " + String.join(", ", first) + (order.targets().size() > TARGETS_SHOWN ? ", …" : "");
    }
}
