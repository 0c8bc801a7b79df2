package dev.capstan.features.commands;

import dev.capstan.command.Destination;
import dev.capstan.command.Outbox;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.store.PeopleStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Tells the admins when a changed file was refused, since nobody typed a command to hear it: a post in
 * {@code families.commands.audit_channel} when it is set, else a DM to every admin; once per refused version of the
 * file, however many replicas noticed the change.
 */
final class RefusedReloadNotice {
    private final Path file;
    private final Outbox outbox;
    private final PeopleStore people;
    private final String auditChannel;

    RefusedReloadNotice(Path file, Outbox outbox, PeopleStore people, String auditChannel) {
        this.file = file;
        this.outbox = outbox;
        this.people = people;
        this.auditChannel = auditChannel;
    }

    /** Says so when {@code outcome} refused the file; does nothing for a reload that went through. */
    void tell(Reloader.Outcome outcome) {
        if (!outcome.refused()) return;
        Reply reply = Reply.text(":warning: The declared commands file `" + file + "` changed, and I refused the new version; "
                + "the commands in service stay as they were:\n• " + String.join("\n• ", outcome.problems())
                + "\nFix the file and it is loaded again on its next change (or with `/capstan commands reload`).");
        String key = "commands-refused-" + fingerprint(reply.text() + modified());
        if (auditChannel != null) {
            outbox.sendOnce(key, new Destination.Channel(auditChannel), reply);
            return;
        }
        for (String admin : people.withRole(Role.ADMIN)) outbox.sendOnce(key + "-" + admin, new Destination.DirectMessage(admin), reply);
    }

    /** The file's modification time, the same on every replica that mounts it: a later refusal of the same text is told again. */
    private String modified() {
        try {
            return Files.getLastModifiedTime(file).toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static String fingerprint(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
