package dev.capstan.features.flush;

import dev.capstan.support.FakeAkamai;
import dev.capstan.support.FakeCloudflare;
import dev.capstan.support.FakeFastly;
import dev.capstan.support.FakeSlack;
import dev.capstan.support.ModalInputs;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.util.List;

/**
 * A Capstan with the cache flush family and four sites, each on a local fake CDN: nhs (Akamai), shop (Fastly), blog
 * (Cloudflare) and play (the pretend CDN). Alice may use every site by an access rule, Ada is an admin, Bob is nobody.
 */
final class FlushWorld implements AutoCloseable {
    static final String ADA = "UADA00001";
    static final String ALICE = "UALICE001";
    static final String BOB = "UBOB00001";
    /** May use nhs only. */
    static final String CAROL = "UCAROL001";
    static final String AUDIT = "C0AUDIT001";

    final FakeAkamai akamai = new FakeAkamai();
    final FakeFastly fastly = new FakeFastly();
    final FakeCloudflare cloudflare = new FakeCloudflare();
    /** The pretend CDN of site play, to see what it was asked. */
    final FakePurge pretendCdn = new FakePurge();
    final Flush flush = new Flush(pretendCdn);
    final TestApp app;

    FlushWorld(TestDatabases.Kind database, String extraFlushYaml) {
        this.app = builder(database, extraFlushYaml, flush).start();
    }

    /** A Capstan configured like this world's, with its own family instance: add {@code .database(…)} for a replica. */
    TestApp.Builder builder(TestDatabases.Kind database, String extraFlushYaml, Flush family) {
        return TestApp.on(database).admins(ADA)
                .env("AKAMAI_HOST", "akab-test.purge.akamaiapis.net")
                .env("AKAMAI_CLIENT_TOKEN", FakeAkamai.CLIENT_TOKEN)
                .env("AKAMAI_CLIENT_SECRET", FakeAkamai.CLIENT_SECRET)
                .env("AKAMAI_ACCESS_TOKEN", FakeAkamai.ACCESS_TOKEN)
                .env("FASTLY_API_TOKEN", FakeFastly.TOKEN)
                .env("CLOUDFLARE_API_TOKEN", FakeCloudflare.TOKEN)
                .yaml(yaml(extraFlushYaml)).feature(family);
    }

    String yaml(String extraFlushYaml) {
        return """
                access:
                  - command: flush
                    allow_users: [%s]
                  - command: flush nhs
                    allow_users: [%s]
                families:
                  flush:
                %s    sites:
                      nhs:
                        provider: akamai
                        network: production
                        hosts: [nhs.uk, campaignresources.dhsc.gov.uk]
                        kinds: [url, tag, cpcode]
                        modes: [invalidate, delete]
                        audit_channel: %s
                        api_url: %s
                      shop:
                        provider: fastly
                        services: [S1, S2]
                        hosts: [shop.example.com]
                        kinds: [url, tag, everything]
                        api_url: %s
                      blog:
                        provider: cloudflare
                        zone: Z1
                        hosts: [www.example.com]
                        kinds: [url, tag, host, prefix, everything]
                        files_per_call: 30
                        audit_channel: %s
                        api_url: %s
                      play:
                        provider: fake
                        hosts: [example.org]
                        kinds: [url, tag, everything]
                        max_targets: 5
                """.formatted(ALICE, CAROL, extraFlushYaml == null ? "" : extraFlushYaml.indent(4), AUDIT, akamai.url(), fastly.url(),
                AUDIT, cloudflare.url());
    }

    /** Submits the form as Slack would, from modal {@code viewId}. */
    SlashReply submit(String user, String viewId, String site, String kind, String mode, String targets) {
        return app.as(user).submit(FlushViews.CALLBACK_ID, "CGENERAL", ModalInputs.of().option(FlushViews.SITE, site)
                .option(FlushViews.KIND, kind).option(FlushViews.MODE, mode).text(FlushViews.TARGETS, targets), viewId);
    }

    /** Submits the modal {@code viewId} as FakeSlack shows it now (by its current hash), as Slack would. */
    SlashReply submitShown(String user, String viewId, String site, String kind, String mode, String targets) {
        String hash = app.slack().modal(viewId).orElseThrow().path("hash").asText();
        return app.as(user).submit(FlushViews.CALLBACK_ID, "CGENERAL", ModalInputs.of().option(FlushViews.SITE, site)
                .option(FlushViews.KIND, kind).option(FlushViews.MODE, mode).text(FlushViews.TARGETS, targets), viewId, hash);
    }

    /** Opens the cache flush form as this person (/flush), returning the modal's view id. */
    String openForm(String user) {
        app.as(user).run("/flush");
        List<FakeSlack.ApiCall> updates = app.slack().calls("views.update");
        return updates.get(updates.size() - 1).arg("view_id");
    }

    FakeSlack slack() {
        return app.slack();
    }

    /** The DMs Capstan sent this person, once there are {@code count}. */
    List<FakeSlack.ApiCall> dms(String user, int count) {
        return app.slack().awaitDms(user, count);
    }

    /** The DM to this person whose text or blocks contain {@code text}, once it came. */
    FakeSlack.ApiCall dm(String user, String text) {
        return app.slack().awaitMessages(c -> user.equals(c.arg("channel")) && says(c, text), 1).get(0);
    }

    /** The audit channel's post whose text or blocks contain {@code text}, once it came. */
    FakeSlack.ApiCall auditPost(String text) {
        return app.slack().awaitMessages(c -> AUDIT.equals(c.arg("channel")) && says(c, text), 1).get(0);
    }

    static boolean says(FakeSlack.ApiCall call, String text) {
        return (call.arg("text") + call.arg("blocks")).contains(text);
    }

    @Override
    public void close() {
        app.closeAll();
        akamai.close();
        fastly.close();
        cloudflare.close();
    }
}
