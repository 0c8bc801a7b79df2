package dev.capstan.features.commands;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A result too long for one Slack message: the message shows its start, and the whole (masked) text goes up as a file. */
final class LongOutput {
    /** The Slack scope the upload needs; the family declares it so the app manifest asks for it. */
    static final String SCOPE = "files:write";
    private static final Logger log = LoggerFactory.getLogger(LongOutput.class);

    private final CommandServices services;

    LongOutput(CommandServices services) {
        this.services = services;
    }

    /** Uploads the whole text to the run's channel and returns the note the message shows about the cut. */
    String upload(Run run, String text) {
        String masked = services.secrets().masked(text);
        String cut = "showing the first " + String.format(Locale.ROOT, "%,d", RunMessage.SHOWN) + " of "
                + String.format(Locale.ROOT, "%,d", masked.length()) + " characters";
        String filename = run.command() + "-" + run.id().substring(0, 8) + ".txt";
        try {
            services.slack().call("files.uploadV2", m -> m.filesUploadV2(r -> r.channel(run.channelId()).filename(filename)
                    .title("Result of " + run.display()).content(masked).requestFileInfo(false)));
            return "Cut: " + cut + "; the whole result is in the file " + filename + ".";
        } catch (Exception e) {
            log.warn("Could not upload the whole result of run {}: {}", run.id(), e.toString());
            return "Cut: " + cut + "; the rest could not be uploaded (" + e.getClass().getSimpleName() + ").";
        }
    }
}
