package dev.capstan.features.flush;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks what the form asks of a site before anything is sent: the kind and mode (the CDN must have them and the
 * site allow them), and every target line; problems come back by the form's block id, to show next to each input.
 */
final class OrderCheck {
    /** The order when everything is right, else the problems by block id. */
    record Checked(PurgeOrder order, Map<String, String> errors) { }

    private static final int LISTED_PROBLEMS = 8;

    private OrderCheck() {
    }

    static Checked check(Site site, String kindText, String modeText, String targetsText) {
        Map<String, String> errors = new LinkedHashMap<>();
        TargetType kind = TargetType.parse(kindText);
        Mode mode = Mode.parse(modeText);
        String kindProblem = kindProblem(site, kind);
        if (kindProblem != null) errors.put(FlushViews.KIND, kindProblem);
        String modeProblem = modeProblem(site, mode);
        if (modeProblem != null) errors.put(FlushViews.MODE, modeProblem);
        if (kindProblem != null) return new Checked(null, errors);
        TargetCheck.Result targets = TargetCheck.check(site, kind, targetsText);
        int most = site.settings().maxTargets();
        if (!targets.problems().isEmpty()) {
            errors.put(FlushViews.TARGETS, listed(targets.problems()));
        } else if (targets.targets().isEmpty()) {
            errors.put(FlushViews.TARGETS, "Give at least one " + kind.singular() + ", one per line.");
        } else if (targets.targets().size() > most) {
            errors.put(FlushViews.TARGETS, "That is " + targets.targets().size() + " " + kind.plural() + "; site " + site.name()
                    + " takes at most " + most + " in one request. Split the list" + (kind == TargetType.URL ? ", or purge by cache tag." : "."));
        }
        if (!errors.isEmpty()) return new Checked(null, errors);
        return new Checked(new PurgeOrder(site.name(), kind, mode, targets.targets()), Map.of());
    }

    static String kindProblem(Site site, TargetType kind) {
        if (kind == null) return "Choose what to purge.";
        if (site.cdn().lacks(kind) != null) return site.cdn().lacks(kind);
        if (!site.settings().kinds().contains(kind)) {
            return "Site " + site.name() + " may purge " + String.join(", ", site.settings().kinds().stream().map(TargetType::id).toList())
                    + ", not " + kind.id() + ".";
        }
        if (kind.whole()) {
            return "Purging " + (kind == TargetType.CPCODE ? "whole CP codes" : "everything") + " is for admins and asks to confirm: `/flush everything "
                    + site.name() + (kind == TargetType.CPCODE ? " CPCODE…" : "") + "`.";
        }
        return null;
    }

    static String modeProblem(Site site, Mode mode) {
        if (mode == null) return "Choose how to purge.";
        if (!site.cdn().modes().contains(mode)) {
            return site.cdn().label() + " has no " + mode.id() + " (" + site.cdn().meaning(mode) + ") Choose "
                    + String.join(" or ", site.cdn().modes().stream().map(Mode::id).toList()) + ".";
        }
        if (!site.settings().modes().contains(mode)) {
            return "Site " + site.name() + " may only " + String.join(" or ", site.settings().modes().stream().map(Mode::id).toList()) + ".";
        }
        return null;
    }

    private static String listed(List<String> problems) {
        List<String> shown = problems.subList(0, Math.min(LISTED_PROBLEMS, problems.size()));
        String more = problems.size() > shown.size() ? "\n…and " + (problems.size() - shown.size()) + " more." : "";
        return (problems.size() == 1 ? "" : problems.size() + " lines need fixing:\n") + String.join("\n", shown) + more;
    }
}
