package dev.capstan.features.flush;

import dev.capstan.command.Block;
import dev.capstan.command.Reply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A finished purge put into words: success, partial (the failed targets listed) or failure (the CDN's status, detail
 * and support id), with the CDN's purge ids and estimated time, who asked, the site, the mode and the targets.
 */
record PurgeReport(Purge purge, String siteLabel, List<PurgeCall> plan, List<Purges.CallRecord> records) {
    static final String AGAIN_ACTION = "flush.again";
    private static final int LISTED_TARGETS = 25;

    Purge.Outcome outcome() {
        long accepted = records.stream().filter(r -> r.outcome().accepted()).count();
        boolean someFailed = records.stream().anyMatch(r -> !r.outcome().failedTargets().isEmpty());
        if (accepted == plan.size() && !plan.isEmpty() && !someFailed) return Purge.Outcome.SUCCEEDED;
        return accepted == 0 ? Purge.Outcome.FAILED : Purge.Outcome.PARTIAL;
    }

    /** The message for the requester's DM and the audit channel, with a "Purge again" button unless it emptied a whole site. */
    Reply reply() {
        List<Block> blocks = new ArrayList<>(blocks());
        if (!purge.order().kind().whole()) {
            blocks.add(new Block.Actions(List.of(new Block.Button("Purge again", AGAIN_ACTION, purge.id(), Block.Button.Style.DEFAULT))));
        }
        return Reply.blocks(headline().replace("*", ""), blocks);
    }

    List<Block> blocks() {
        PurgeOrder order = purge.order();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(headline()));
        List<String> fields = new ArrayList<>(List.of("*Requested by*\n<@" + purge.requestedBy() + ">", "*Site*\n" + siteLabel,
                "*Mode*\n" + order.mode().id(), "*What*\n" + order.what()));
        Integer seconds = records.stream().map(r -> r.outcome().estimatedSeconds()).filter(Objects::nonNull).max(Integer::compare).orElse(null);
        if (seconds != null) fields.add("*Takes effect in*\nabout " + seconds + " s");
        blocks.add(new Block.Section("", fields));
        if (!order.targets().isEmpty()) blocks.add(new Block.Section("*Targets*\n" + listed(order.targets())));
        failures().forEach(blocks::add);
        List<String> ids = records.stream().flatMap(r -> r.outcome().purgeIds().stream()).toList();
        blocks.add(new Block.Context((ids.isEmpty() ? "" : "CDN purge ids: " + String.join(", ", ids.subList(0, Math.min(10, ids.size())))
                + (ids.size() > 10 ? " …" : "") + " · ") + "Capstan purge `" + purge.id() + "` · `/flush history` lists recent purges"));
        return blocks;
    }

    String headline() {
        PurgeOrder order = purge.order();
        return switch (outcome()) {
            case SUCCEEDED -> ":white_check_mark: *Cache purged* on " + siteLabel + ": " + order.what() + ".";
            case PARTIAL -> ":warning: *Cache partly purged* on " + siteLabel + ": " + failedTargets().size() + " of "
                    + order.targets().size() + " " + order.kind().plural() + " failed.";
            case FAILED -> ":x: *Cache purge failed* on " + siteLabel + ": nothing was purged.";
        };
    }

    List<String> failedTargets() {
        Map<Integer, PurgeCall> byNumber = byNumber();
        List<String> refused = records.stream().filter(r -> !r.outcome().accepted()).map(r -> byNumber.get(r.number()))
                .filter(Objects::nonNull).flatMap(call -> call.targets().stream()).toList();
        List<String> failed = new ArrayList<>(refused);
        records.forEach(r -> failed.addAll(r.outcome().failedTargets()));
        return failed.stream().distinct().toList();
    }

    private List<Block> failures() {
        Map<Integer, PurgeCall> byNumber = byNumber();
        List<Block> blocks = new ArrayList<>();
        for (Purges.CallRecord record : records) {
            CallOutcome outcome = record.outcome();
            if (blocks.size() >= 5) break;
            if (outcome.accepted()) {
                if (!outcome.failedTargets().isEmpty()) {
                    blocks.add(new Block.Section("*Failed* (" + (outcome.detail() == null ? "no detail given" : outcome.detail()) + "):\n"
                            + listed(outcome.failedTargets())));
                }
                continue;
            }
            PurgeCall call = byNumber.get(record.number());
            String status = outcome.httpStatus() == 0 ? "no answer" : "status " + outcome.httpStatus();
            String text = "*Failed* (" + status + (call != null && call.scope() != null ? ", service " + call.scope() : "") + "): "
                    + (outcome.detail() == null ? "no detail given" : outcome.detail())
                    + (outcome.supportId() == null ? "" : "\nSupport id: `" + outcome.supportId() + "`");
            if (call != null && !call.targets().isEmpty() && outcome() == Purge.Outcome.PARTIAL) text += "\n" + listed(call.targets());
            blocks.add(new Block.Section(text));
        }
        return blocks;
    }

    private Map<Integer, PurgeCall> byNumber() {
        Map<Integer, PurgeCall> byNumber = new HashMap<>();
        plan.forEach(call -> byNumber.put(call.number(), call));
        return byNumber;
    }

    private static String listed(List<String> targets) {
        List<String> shown = targets.subList(0, Math.min(LISTED_TARGETS, targets.size()));
        String text = String.join("\n", shown);
        if (text.length() > 2400) text = text.substring(0, 2400) + "…";
        return "```" + text + "```" + (targets.size() > shown.size() ? "\n…and " + (targets.size() - shown.size()) + " more" : "");
    }
}
