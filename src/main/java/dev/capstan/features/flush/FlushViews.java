package dev.capstan.features.flush;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import dev.capstan.command.Block;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The cache-flush modal's views (Slack SDK model): checking, not allowed (with an access request), the form, processing, the result. */
final class FlushViews {
    static final String CALLBACK_ID = "flush.form";
    static final String SITE = "site";
    static final String KIND = "kind";
    static final String MODE = "mode";
    static final String TARGETS = "targets";
    private static final String TITLE = "Cache flush";
    private static final int SECTION_TEXT = 3000;

    private FlushViews() {
    }

    static View checking() {
        return modal("Close", List.of(text(":hourglass_flowing_sand: Checking whether you may flush a site's cache…")));
    }

    static View notAllowed(String userId, List<Site> sites) {
        return modal("Close", List.of(
                text(":no_entry: *You may not flush any site's cache.* Each site is for admins, the people on the "
                        + "allowed-users list, and whoever an access rule for `flush <site>` lets in."),
                text("Paste this to your Capstan admins to ask for access:\n```Please let me flush the CDN cache with "
                        + "Capstan (" + (sites.size() == 1 ? "site " : "sites ") + String.join(", ", sites.stream().map(Site::name).toList())
                        + "). My Slack member id is " + userId + ".```")));
    }

    static View form(List<Site> sites, String prefilled, String channelId) {
        List<LayoutBlock> blocks = new ArrayList<>();
        List<String[]> siteOptions = sites.stream().map(s -> new String[]{s.name(), s.label()}).toList();
        blocks.add(field(SITE, "Site", select(SITE, "Choose a site", siteOptions, null), null));
        Set<TargetType> kinds = EnumSet.noneOf(TargetType.class);
        Set<Mode> modes = EnumSet.noneOf(Mode.class);
        sites.forEach(s -> s.settings().kinds().stream().filter(k -> !k.whole()).forEach(kinds::add));
        sites.forEach(s -> modes.addAll(s.settings().modes()));
        List<String[]> kindOptions = kinds.stream().map(k -> new String[]{k.id(), capital(k.plural())}).toList();
        blocks.add(field(KIND, "What to purge", select(KIND, "URLs, cache tags, …", kindOptions, TargetType.URL.id()), null));
        List<String[]> modeOptions = modes.stream().map(m -> new String[]{m.id(), capital(m.id())}).toList();
        blocks.add(field(MODE, "Mode", select(MODE, "Invalidate or delete", modeOptions,
                modes.contains(Mode.INVALIDATE) ? Mode.INVALIDATE.id() : Mode.DELETE.id()), null));
        blocks.add(field(TARGETS, "Targets", plainTextInput(i -> i.actionId(TARGETS).multiline(true)
                        .placeholder(plainText("One per line, e.g. https://" + firstHost(sites) + "/path/to/page"))
                        .initialValue(prefilled != null && !prefilled.isBlank() ? prefilled : null)),
                "One per line: whole URLs (https://…), cache tags, hosts or prefixes (host/path). "
                        + "Blank lines and duplicates are ignored. Longer lists: type them after /flush."));
        for (Site site : sites) blocks.add(note(describe(site)));
        blocks.add(note("Purging a whole CP code, service or zone: `/flush everything SITE` (admins; asks to confirm)."));
        return view(v -> v.type("modal").title(viewTitle(t -> t.type("plain_text").text(TITLE)))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .callbackId(CALLBACK_ID).privateMetadata(channelId == null ? "" : channelId)
                .submit(viewSubmit(s -> s.type("plain_text").text("Purge")))
                .blocks(blocks));
    }

    static View processing(PurgeOrder order, Site site) {
        return modal("Close", List.of(
                text(":hourglass_flowing_sand: *Your request is being processed.* The result appears here, in a DM "
                        + "and in the site's audit channel; you may close this."),
                text("*Site:* " + site.label() + "\n*Mode:* " + order.mode().id() + "\n*What:* " + order.what())));
    }

    /** The report's sections (with fields) and context in the modal; its buttons stay in messages. */
    static View result(PurgeReport report) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Block block : report.blocks()) {
            if (block instanceof Block.Section section) {
                if (!section.markdown().isEmpty()) blocks.add(text(section.markdown()));
                if (!section.fields().isEmpty()) {
                    List<TextObject> fields = section.fields().stream().<TextObject>map(f -> markdownText(f)).toList();
                    blocks.add(section(s -> s.fields(fields)));
                }
            } else if (block instanceof Block.Context context) {
                blocks.add(note(context.markdown()));
            }
        }
        return modal("Close", blocks);
    }

    private static View modal(String close, List<LayoutBlock> blocks) {
        return view(v -> v.type("modal").title(viewTitle(t -> t.type("plain_text").text(TITLE)))
                .close(viewClose(c -> c.type("plain_text").text(close))).blocks(blocks));
    }

    private static LayoutBlock text(String markdown) {
        return section(s -> s.text(markdownText(cut(markdown))));
    }

    private static LayoutBlock note(String markdown) {
        return context(List.<ContextBlockElement>of(markdownText(cut(markdown))));
    }

    private static LayoutBlock field(String blockId, String label, BlockElement element, String hint) {
        return input(i -> i.blockId(blockId).label(plainText(label)).element(element).hint(hint == null ? null : plainText(hint)));
    }

    /** A static select of (value, label) options; the first is chosen when it is the only one or equals {@code initial}. */
    private static StaticSelectElement select(String actionId, String placeholder, List<String[]> choices, String initial) {
        List<OptionObject> options = choices.stream().map(c -> option(plainText(c[1]), c[0])).toList();
        OptionObject chosen = options.stream().filter(o -> o.getValue().equals(initial) || options.size() == 1).reduce((a, b) -> b).orElse(null);
        return staticSelect(s -> s.actionId(actionId).placeholder(plainText(placeholder)).options(options).initialOption(chosen));
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

    private static String cut(String text) {
        return text.length() > SECTION_TEXT ? text.substring(0, SECTION_TEXT - 1) + "…" : text;
    }
}
