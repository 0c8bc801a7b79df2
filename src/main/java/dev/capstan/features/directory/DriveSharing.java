package dev.capstan.features.directory;

import dev.capstan.features.directory.drive.DriveFolders;
import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares each team's Drive folder with exactly its members' emails. Inherited permissions, owners, non-user
 * grants and the service account itself are left alone. Runs on a schedule for the teams that changed; a team
 * whose sync fails stays due and is tried again at the next firing.
 */
final class DriveSharing implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(DriveSharing.class);
    private final Teams teams;
    private final Profiles profiles;
    private final DriveFolders drive;
    private final String role;

    DriveSharing(Teams teams, Profiles profiles, DriveFolders drive, String role) {
        this.teams = teams;
        this.profiles = profiles;
        this.drive = drive;
        this.role = role;
    }

    @Override
    public void run() {
        for (Teams.DriveWork work : teams.driveWork()) {
            try {
                sync(work);
                teams.driveSynced(work.name(), work.version());
            } catch (Exception e) {
                log.warn("Drive folder of team {} not shared yet; will retry: {}", work.name(), e.getMessage());
            }
        }
    }

    private void sync(Teams.DriveWork work) throws IOException {
        Set<String> wanted = new HashSet<>();
        for (Membership member : teams.members(work.name())) {
            profiles.find(member.userId()).map(Profile::email).filter(Objects::nonNull)
                    .ifPresent(email -> wanted.add(email.toLowerCase(Locale.ROOT)));
        }
        Set<String> present = new HashSet<>();
        int added = 0;
        int removed = 0;
        for (DriveFolders.Permission permission : drive.permissions(work.folder())) {
            String email = permission.email() == null ? null : permission.email().toLowerCase(Locale.ROOT);
            if (email != null) present.add(email);
            if (!"user".equals(permission.type()) || permission.inherited() || "owner".equals(permission.role())
                    || email == null || email.equalsIgnoreCase(drive.serviceAccountEmail()) || wanted.contains(email)) {
                continue;
            }
            drive.unshare(work.folder(), permission.id());
            removed++;
        }
        for (String email : wanted) {
            if (present.contains(email)) continue;
            drive.share(work.folder(), email, role);
            added++;
        }
        log.info("Drive folder of team {}: shared with {} more, {} fewer", work.name(), added, removed);
    }
}
