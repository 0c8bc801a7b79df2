package dev.capstan.features.flush;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The cache-flush modal's views: checking, not allowed (with an access request), the form, processing, the result. */
final class FlushViews {
    static final String CALLBACK_ID = "flush.form";
    static final String SITE = "site";
    static final String KIND = "kind";
    static final String MODE = "mode";
    static final String TARGETS = "targets";
    private static final String TITLE = "Cache flush";

    private FlushViews() {
    }

    static ObjectNode checking() {
        ObjectNode view = ViewJson.modal(TITLE, "Close");
        ViewJson.section(view, ":hourglass_flowing_sand: Checking whether you may flush a site's cache…");
        return view;
    }

    static ObjectNode notAllowed(String userId, List<Site> sites) {
        ObjectNode view = ViewJson.modal(TITLE, "Close");
        ViewJson.section(view, ":no_entry: *You may not flush any site's cache.* Each site is for admins, the people on the "
                + "allowed-users list, and whoever an access rule for `flush <site>` lets in.");
        ViewJson.section(view, "Paste this to your Capstan admins to ask for access:\n```Please let me flush the CDN cache with "
                + "Capstan (" + (sites.size() == 1 ? "site " : "sites ") + String.join(", ", sites.stream().map(Site::name).toList())
                + "). My Slack member id is " + userId + ".```");
        return view;
    }

    static ObjectNode form(List<Site> sites, String prefilled, String channelId) {
        ObjectNode view = ViewJson.modal(TITLE, "Cancel");
        view.put("callback_id", CALLBACK_ID).put("private_metadata", channelId == null ? "" : channelId);
        view.set("submit", ViewJson.plain("Purge"));
        List<String[]> siteOptions = sites.stream().map(s -> new String[]{s.name(), s.label()}).toList();
        ViewJson.input(view, SITE, "Site", ViewJson.select("Choose a site", siteOptions, null));
        Set<TargetType> kinds = EnumSet.noneOf(TargetType.class);
        Set<Mode> modes = EnumSet.noneOf(Mode.class);
        sites.forEach(s -> s.settings().kinds().stream().filter(k -> !k.whole()).forEach(kinds::add));
        sites.forEach(s -> modes.addAll(s.settings().modes()));
        List<String[]> kindOptions = kinds.stream().map(k -> new String[]{k.id(), capital(k.plural())}).toList();
        ViewJson.input(view, KIND, "What to purge", ViewJson.select("URLs, cache tags, …", kindOptions, TargetType.URL.id()));
        List<String[]> modeOptions = modes.stream().map(m -> new String[]{m.id(), capital(m.id())}).toList();
        ViewJson.input(view, MODE, "Mode", ViewJson.select("Invalidate or delete",
                modeOptions, modes.contains(Mode.INVALIDATE) ? Mode.INVALIDATE.id() : Mode.DELETE.id()));
        ObjectNode targets = ViewJson.JSON.createObjectNode().put("type", "plain_text_input").put("multiline", true);
        targets.set("placeholder", ViewJson.plain("One per line, e.g. https://" + firstHost(sites) + "/path/to/page"));
        if (prefilled != null && !prefilled.isBlank()) targets.put("initial_value", prefilled);
        ObjectNode input = ViewJson.input(view, TARGETS, "Targets", targets);
        input.set("hint", ViewJson.plain("One per line: whole URLs (https://…), cache tags, hosts or prefixes (host/path). "
                + "Blank lines and duplicates are ignored. Longer lists: type them after /flush."));
        for (Site site : sites) ViewJson.context(view, describe(site));
        ViewJson.context(view, "Purging a whole CP code, service or zone: `/flush everything SITE` (admins; asks to confirm).");
        return view;
    }

    static ObjectNode processing(PurgeOrder order, Site site) {
        ObjectNode view = ViewJson.modal(TITLE, "Close");
        ViewJson.section(view, ":hourglass_flowing_sand: *Your request is being processed.* The result appears here, in a DM "
                + "and in the site's audit channel; you may close this.");
        ViewJson.section(view, "*Site:* " + site.label() + "\n*Mode:* " + order.mode().id() + "\n*What:* " + order.what());
        return view;
    }

    static ObjectNode result(PurgeReport report) {
        ObjectNode view = ViewJson.modal(TITLE, "Close");
        ViewJson.blocks(view, report.blocks());
        return view;
    }

    /** What the form says about a site: its CDN, hosts, kinds, and what each of its modes means there. */
    private static String describe(Site site) {
        List<String> parts = new ArrayList<>();
        parts.add("*" + site.name() + "* (" + site.settings().describe() + ")");
        if (!site.settings().hosts().isEmpty()) parts.add("hosts " + String.join(", ", site.settings().hosts()));
        parts.add("purges " + String.join(", ", site.settings().kinds().stream().map(TargetType::id).toList()));
        for (Mode mode : site.settings().modes()) parts.add("_" + mode.id() + "_: " + site.cdn().meaning(mode));
        if (!site.cdn().modes().contains(Mode.INVALIDATE)) parts.add(site.cdn().meaning(Mode.INVALIDATE));
        return String.join(" · ", parts);
    }

    private static String firstHost(List<Site> sites) {
        return sites.stream().flatMap(s -> s.settings().hosts().stream()).findFirst().orElse("www.example.com");
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
