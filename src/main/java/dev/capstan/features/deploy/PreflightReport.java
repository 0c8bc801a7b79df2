package dev.capstan.features.deploy;

import dev.capstan.command.Block;
import dev.capstan.command.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How a dry run reads: the commit, what goes out since the last successful deployment, the checks, and the verdict. */
final class PreflightReport {
    private static final int AUTHORS = 8;
    private static final int PULLS = 12;

    /** What the dry run found; {@code sha} is null when GitHub has no such ref, {@code last} is the environment's last success. */
    record Findings(String repository, String environment, GitRef ref, String sha, Optional<Deployment> last,
                    Optional<GitHubCompare.Comparison> comparison, Map<String, String> checks, boolean checksRequired,
                    DeployGate.Verdict verdict, boolean queues) { }

    private PreflightReport() {
    }

    static Reply render(Findings f) {
        String headline = ":mag: Dry run: `" + f.ref().label() + "` to `" + f.environment() + "` of `" + f.repository() + "`. Nothing was created.";
        List<String> lines = new ArrayList<>();
        lines.add("*Commit*: " + (f.sha() == null ? "GitHub has no branch or tag `" + f.ref().label() + "`" : "`" + f.sha() + "`"));
        lines.add("*Going out*: " + goingOut(f));
        lines.add("*Checks*: " + checks(f));
        lines.add("*Verdict*: " + verdict(f.verdict(), f.queues()));
        return new Reply(headline, List.of(new Block.Section("*" + headline + "*"), new Block.Section(String.join("\n", lines))),
                Reply.Visibility.EPHEMERAL, false);
    }

    private static String goingOut(Findings f) {
        if (f.last().isEmpty()) return "nothing was deployed to `" + f.environment() + "` successfully yet, so everything up to this commit";
        Deployment last = f.last().get();
        String since = "since deployment #" + last.id() + " (`" + last.gitRef().label() + "`, `" + last.shortSha() + "`)";
        if (f.sha() == null || f.comparison().isEmpty()) return "GitHub could not compare this commit with the one deployed " + since;
        GitHubCompare.Comparison c = f.comparison().get();
        if (c.status().equals("identical")) return "nothing: this is the commit deployed " + since;
        StringBuilder text = new StringBuilder();
        if (c.status().equals("behind")) {
            text.append(":leftwards_arrow_with_hook: this goes *back* ").append(c.behindBy()).append(" commit").append(c.behindBy() == 1 ? "" : "s").append(' ').append(since);
        } else {
            text.append(c.aheadBy()).append(" commit").append(c.aheadBy() == 1 ? "" : "s").append(' ').append(since);
            if (c.status().equals("diverged")) text.append(", and ").append(c.behindBy()).append(" deployed commits would go away (the histories diverged)");
        }
        if (!c.authors().isEmpty()) text.append("\n    by ").append(some(c.authors(), AUTHORS));
        if (!c.pullRequests().isEmpty()) {
            text.append("\n    pull requests ").append(some(c.pullRequests().stream().map(n -> "#" + n).toList(), PULLS));
        }
        if (c.url() != null) text.append("\n    <").append(c.url()).append("|compare on GitHub>");
        return text.toString();
    }

    private static String checks(Findings f) {
        if (f.sha() == null) return "unknown without a commit";
        if (f.checks().isEmpty()) return f.checksRequired() ? "none reported" : "none required, none reported";
        List<String> parts = new ArrayList<>();
        f.checks().forEach((context, state) -> parts.add(emoji(state) + " `" + context + "` " + state));
        return (f.checksRequired() ? "required: " : "none required; reported: ") + String.join(", ", parts);
    }

    private static String verdict(DeployGate.Verdict verdict, boolean queues) {
        if (verdict instanceof DeployGate.Verdict.Allowed) return ":white_check_mark: allowed; it would start now.";
        if (verdict instanceof DeployGate.Verdict.Refused refused) return "refused. " + refused.why();
        if (verdict instanceof DeployGate.Verdict.Locked locked) return "locked. " + locked.why();
        if (verdict instanceof DeployGate.Verdict.Frozen frozen) return "frozen until " + frozen.window().endText() + ". " + frozen.why();
        if (verdict instanceof DeployGate.Verdict.NeedsApprovals needs) return "needs approval. " + needs.why() + " It would post an approval card.";
        DeployGate.Verdict.Busy busy = (DeployGate.Verdict.Busy) verdict;
        return (queues ? "busy; it would be queued. " : "busy; it would be refused. ") + busy.why();
    }

    private static String emoji(String state) {
        return switch (state) {
            case "success", "neutral", "skipped" -> ":white_check_mark:";
            case "pending", "queued", "in_progress" -> ":hourglass_flowing_sand:";
            case "missing" -> ":grey_question:";
            default -> ":x:";
        };
    }

    private static String some(List<String> items, int max) {
        List<String> shown = new ArrayList<>(items.subList(0, Math.min(max, items.size())));
        if (items.size() > max) shown.add("and " + (items.size() - max) + " more");
        return String.join(", ", shown);
    }
}
