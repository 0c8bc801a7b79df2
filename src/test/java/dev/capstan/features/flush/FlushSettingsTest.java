package dev.capstan.features.flush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.app.Config;
import dev.capstan.support.FakeSlack;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The family's configuration: the issue's YAML as written, the seed's allow-list CSV beside it, and what stops start-up. */
class FlushSettingsTest {
    /** The configuration of the issue, as written. */
    private static final String ISSUE_YAML = """
            families:
              flush:
                allowed_users_csv: allowed-users.csv     # optional, the seed's format; relative to the YAML file
                sites:
                  nhs:
                    provider: akamai
                    network: production                  # or staging
                    hosts: [nhs.uk, campaignresources.dhsc.gov.uk]
                    kinds: [url, tag, cpcode]
                    modes: [invalidate, delete]
                    audit_channel: C0AUDIT001
                  shop:
                    provider: fastly
                    services: [S1, S2]
                    hosts: [shop.example.com]
                    kinds: [url, tag, everything]
                  blog:
                    provider: cloudflare
                    zone: Z1
                    hosts: [www.example.com]
                    kinds: [url, tag, host, prefix, everything]
                    files_per_call: 30
            """;

    @TempDir
    Path folder;

    private TestApp.Builder app(String yaml, String csv, boolean secrets) throws Exception {
        Path config = folder.resolve("capstan.yaml");
        Files.writeString(config, yaml);
        if (csv != null) Files.writeString(folder.resolve("allowed-users.csv"), csv);
        TestApp.Builder builder = TestApp.on(TestDatabases.Kind.H2).env("CAPSTAN_CONFIG", config.toString()).feature(new Flush());
        if (!secrets) return builder;
        return builder.env("AKAMAI_HOST", "akab-x.purge.akamaiapis.net").env("AKAMAI_CLIENT_TOKEN", "ct").env("AKAMAI_CLIENT_SECRET", "cs")
                .env("AKAMAI_ACCESS_TOKEN", "at").env("FASTLY_API_TOKEN", "ft").env("CLOUDFLARE_API_TOKEN", "cf");
    }

    private static List<String> siteOptions(TestApp app) throws Exception {
        List<FakeSlack.ApiCall> updates = app.slack().calls("views.update");
        var view = new ObjectMapper().readTree(updates.get(updates.size() - 1).arg("view"));
        List<String> sites = new ArrayList<>();
        view.path("blocks").get(0).path("element").path("options").forEach(o -> sites.add(o.path("value").asText()));
        return sites;
    }

    @Test
    void theIssuesConfigurationStartsAndThePeopleOfTheCsvBesideItMayFlushEverySite() throws Exception {
        try (TestApp app = app(ISSUE_YAML, "member_id,name\nUCSV00001,Casey Csv\n\nUCSV00002,Sam Second\n", true).start()) {
            assertThat(app.as("UCSV00002").run("/flush https://www.nhs.uk/").text()).contains("Opened the cache flush form");
            assertThat(siteOptions(app)).containsExactly("nhs", "shop", "blog");
            assertThat(app.as("UNOBODY01").run("/flush").text()).contains("You may not flush any site's cache yet");
        }
    }

    @Test
    void aDenyRuleOutweighsTheCsv() throws Exception {
        String yaml = "access:\n  - command: flush shop\n    deny_users: [UCSV00001]\n" + ISSUE_YAML;
        try (TestApp app = app(yaml, "UCSV00001,Casey Csv\n", true).start()) {
            app.as("UCSV00001").run("/flush");
            assertThat(siteOptions(app)).containsExactly("nhs", "blog");
        }
    }

    @Test
    void anAllowListThatCannotBeReadStopsStartUpSayingWhy() throws Exception {
        Config.Invalid badLine = catchThrowableOfType(Config.Invalid.class, () -> app(ISSUE_YAML, "UOK000001,Ok\nnot-an-id,Bad\n", true).start());
        Files.delete(folder.resolve("allowed-users.csv"));
        Config.Invalid missing = catchThrowableOfType(Config.Invalid.class, () -> app(ISSUE_YAML, null, true).start());

        assertThat(badLine.problems()).containsExactly("flush: allowed_users_csv: line 2 of allowed-users.csv starts with `not-an-id`, "
                + "which is not a Slack member id (U… or W…)");
        assertThat(missing.problems()).containsExactly("flush: allowed_users_csv: cannot read allowed-users.csv (no such file)");
    }

    @Test
    void sitesOnACdnWithoutCredentialsStopStartUpNamingTheVariables() throws Exception {
        Config.Invalid invalid = catchThrowableOfType(Config.Invalid.class, () -> app(ISSUE_YAML, "", false).start());

        assertThat(invalid.problems()).containsExactly(
                "flush: sites.nhs is on Akamai, which needs AKAMAI_HOST, AKAMAI_CLIENT_TOKEN, AKAMAI_CLIENT_SECRET, AKAMAI_ACCESS_TOKEN",
                "flush: sites.shop is on Fastly, which needs FASTLY_API_TOKEN",
                "flush: sites.blog is on Cloudflare, which needs CLOUDFLARE_API_TOKEN");
    }

    @Test
    void aMistakeInASiteIsNamedWithItsPath() throws Exception {
        Config.Invalid soft = catchThrowableOfType(Config.Invalid.class, () -> app(ISSUE_YAML.replace("files_per_call: 30",
                "files_per_call: 30\n        modes: [invalidate]"), "", true).start());
        Config.Invalid typo = catchThrowableOfType(Config.Invalid.class, () -> app(ISSUE_YAML.replace("provider: akamai",
                "provider: akamia"), "", true).start());

        assertThat(soft.problems()).singleElement().asString().isEqualTo(
                "families.flush.sites.blog.modes: must be ones the CDN has: Cloudflare has no invalidate; it can delete");
        assertThat(typo.problems()).singleElement().asString().startsWith("families.flush.sites.nhs.provider: `akamia` is not one of akamai, fastly, cloudflare, http, fake");
    }

    @Test
    void anAuditChannelOrApiUrlOfTheWrongKindIsNamedWithItsPath() throws Exception {
        Config.Invalid channel = catchThrowableOfType(Config.Invalid.class, () -> app(ISSUE_YAML.replace("audit_channel: C0AUDIT001",
                "audit_channel: general"), "", true).start());
        Config.Invalid url = catchThrowableOfType(Config.Invalid.class, () -> app(ISSUE_YAML.replace("files_per_call: 30",
                "files_per_call: 30\n        api_url: api.cloudflare.com"), "", true).start());

        assertThat(channel.problems()).singleElement().asString().isEqualTo(
                "families.flush.sites.nhs.audit_channel: `general` is not a Slack channel id (C…)");
        assertThat(url.problems()).singleElement().asString().isEqualTo(
                "families.flush.sites.blog.api_url: `api.cloudflare.com` is not an http(s) URL like https://example.com");
    }

    @Test
    void aPurgeThatGetsNoAnswerIsReportedAsAFailureToo() throws Exception {
        String yaml = """
                families:
                  flush:
                    sites:
                      down:
                        provider: cloudflare
                        zone: Z9
                        kinds: [tag]
                        audit_channel: C0AUDIT009
                        api_url: http://127.0.0.1:1
                """;
        try (TestApp app = app(yaml, null, true).admins("UADMIN001").start()) {
            app.as("UADMIN001").submit(FlushViews.CALLBACK_ID, "", dev.capstan.support.ModalInputs.of().option(FlushViews.SITE, "down")
                    .option(FlushViews.KIND, "tag").option(FlushViews.MODE, "delete").text(FlushViews.TARGETS, "unreachable-tag"), "VDOWN");

            String dm = app.slack().awaitMessages(c -> "UADMIN001".equals(c.arg("channel")), 1).get(0).arg("blocks");
            assertThat(dm).contains("Cache purge failed").contains("no answer").contains("connection refused");
            assertThat(app.slack().awaitMessages(c -> "C0AUDIT009".equals(c.arg("channel")), 1).get(0).arg("blocks")).contains("Cache purge failed");
        }
    }
}
