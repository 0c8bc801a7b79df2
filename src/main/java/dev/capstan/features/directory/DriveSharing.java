package dev.capstan.features.directory;

import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Notices notices;
    /** Teams whose failure was announced, so a folder failing every minute is announced once until it works again. */
    private final Set<String> announced = ConcurrentHashMap.newKeySet();

    DriveSharing(Teams teams, Profiles profiles, DriveFolders drive, String role, Notices notices) {
        this.teams = teams;
        this.profiles = profiles;
        this.drive = drive;
        this.role = role;
        this.notices = notices;
    }

    @Override
    public void run() {
        for (String folder : teams.releasedFolders()) {
            try {
                boolean stillUsed = teams.all().stream().anyMatch(team -> folder.equals(team.folder()));
                if (!stillUsed) share(folder, Set.of(), "released folder " + folder);
                teams.folderCleared(folder);
            } catch (Exception e) {
                log.warn("Released Drive folder {} not cleared yet; will retry: {}", folder, e.getMessage());
            }
        }
        for (Teams.DriveWork work : teams.driveWork()) {
            try {
                sync(work);
                teams.driveSynced(work.name(), work.version());
                announced.remove(work.name());
            } catch (Exception e) {
                log.warn("Drive folder of team {} not shared yet; will retry: {}", work.name(), e.getMessage());
                if (announced.add(work.name())) {
                    notices.post(":warning: The Drive folder of team `" + work.name() + "` could not be shared with its members ("
                            + e.getMessage() + "); Capstan keeps trying and says nothing more until it works.");
                }
            }
        }
    }

    private void sync(Teams.DriveWork work) throws IOException {
        Set<String> wanted = new HashSet<>();
        for (Membership member : teams.members(work.name())) {
            profiles.find(member.userId()).map(Profile::email).filter(Objects::nonNull)
                    .ifPresent(email -> wanted.add(email.toLowerCase(Locale.ROOT)));
        }
        share(work.folder(), wanted, "team " + work.name());
    }

    /** Leaves {@code folder} shared with exactly {@code wanted} among the grants this job manages. */
    private void share(String folder, Set<String> wanted, String what) throws IOException {
        Set<String> present = new HashSet<>();
        int added = 0;
        int removed = 0;
        for (DriveFolders.Permission permission : drive.permissions(folder)) {
            String email = permission.email() == null ? null : permission.email().toLowerCase(Locale.ROOT);
            if (email != null) present.add(email);
            if (!"user".equals(permission.type()) || permission.inherited() || "owner".equals(permission.role())
                    || email == null || drive.isSelf(email) || wanted.contains(email)) {
                continue;
            }
            drive.unshare(folder, permission.id());
            removed++;
        }
        for (String email : wanted) {
            if (present.contains(email)) continue;
            drive.share(folder, email, role);
            added++;
        }
        log.info("Drive folder of {}: shared with {} more, {} fewer", what, added, removed);
    }
}
