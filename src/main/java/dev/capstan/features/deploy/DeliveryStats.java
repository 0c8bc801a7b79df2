package dev.capstan.features.deploy;

import dev.capstan.command.Block;
import dev.capstan.command.Reply;
import dev.capstan.http.HttpExchange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The delivery metrics of a repository's environments, read from the database only: as a Slack reply (figures, a chart
 * image Slack fetches from Capstan when a public URL is configured, and text bars always as the fallback), and as figures
 * for the REST API and the gauges.
 */
final class DeliveryStats {
    static final String CHARTS = "/deploy/charts/";
    static final int MAX_DAYS = 365;
    private final DeliveryHistory history;
    private final ChartStore charts;
    private final Clock clock;
    private final String publicUrl;

    /** {@code publicUrl}: where Slack reaches this Capstan (CAPSTAN_PUBLIC_URL); null shows text bars instead of an image. */
    DeliveryStats(DeliveryHistory history, ChartStore charts, Clock clock, String publicUrl) {
        this.history = history;
        this.charts = charts;
        this.clock = clock;
        this.publicUrl = publicUrl == null ? null : publicUrl.replaceAll("/+$", "");
    }

    /**
     * The figures of {@code environments} (plus, when {@code others}, every other environment that deployed in the period)
     * of the repository for the {@code days} days up to now.
     */
    List<DeliveryFigures> figures(String repositoryKey, List<String> environments, boolean others, int days) {
        Instant until = clock.instant();
        Map<String, List<Shipment>> shipments = history.shipments(repositoryKey, until.minus(Duration.ofDays(days)), until);
        Set<String> names = new LinkedHashSet<>(environments);
        if (others) names.addAll(shipments.keySet());
        List<DeliveryFigures> figures = new ArrayList<>();
        for (String name : names) figures.add(DeliveryCalculator.compute(name, shipments.getOrDefault(name, List.of()), days, until));
        return figures;
    }

    /** The reply to {@code /deploy stats}. */
    Reply reply(String repository, List<DeliveryFigures> figures, int days) {
        String title = "Delivery metrics of " + repository + ", last " + days + " day" + (days == 1 ? "" : "s");
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section("*" + title + "* · bands from " + DoraThresholds.SOURCE));
        StringBuilder fallback = new StringBuilder(title + " (bands from " + DoraThresholds.SOURCE + ")");
        for (DeliveryFigures f : figures) {
            String text = StatsText.figures(f);
            blocks.add(new Block.Section(text));
            fallback.append("\n").append(text);
            if (f.deployments() > 0) {
                String bars = StatsText.bars(f);
                fallback.append("\n").append(bars);
                if (publicUrl == null) blocks.add(new Block.Section(bars));
            }
        }
        if (publicUrl != null && figures.stream().anyMatch(f -> f.deployments() > 0)) {
            List<DeliveryFigures> drawn = figures.stream().filter(f -> f.deployments() > 0).toList();
            String id = charts.save(TrendChart.png(title, drawn));
            blocks.add(new Block.Image(publicUrl + CHARTS + id + ".png", altText(drawn), "Trend, " + title.toLowerCase(java.util.Locale.ROOT)));
        }
        blocks.add(new Block.Context("Lead time runs from the oldest new commit (GitHub's compare with the previous success) to the "
                + "success; a failed change failed, was rolled back, or was followed by a rollback within a day."));
        return Reply.blocks(fallback.toString(), blocks);
    }

    /** Serves {@code GET /deploy/charts/<id>.png}: the chart, or 404 for an unknown or expired id. */
    HttpExchange.Response chart(HttpExchange.Request request) {
        String path = request.path().contains("?") ? request.path().substring(0, request.path().indexOf('?')) : request.path();
        String name = path.substring(path.lastIndexOf('/') + 1);
        String id = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        return charts.find(id).map(png -> HttpExchange.Response.binary("image/png", png))
                .orElseGet(() -> HttpExchange.Response.text(404, "not found"));
    }

    private static String altText(List<DeliveryFigures> drawn) {
        List<String> parts = new ArrayList<>();
        for (DeliveryFigures f : drawn) {
            parts.add(f.environment() + ": " + f.successes() + " successful and " + f.failedChanges() + " failed changes in "
                    + f.trend().size() + " bars");
        }
        return "Bar chart of deployments over time. " + String.join("; ", parts) + ".";
    }
}
