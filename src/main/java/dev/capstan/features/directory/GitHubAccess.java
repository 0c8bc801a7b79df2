package dev.capstan.features.directory;

import dev.capstan.command.UserError;
import java.util.Optional;

/** The organisation on GitHub, when the App is configured; the directory works without it. */
record GitHubAccess(Optional<OrgGitHub> org) {

    public boolean configured() {
        return org.isPresent();
    }

    /** The organisation, or a clear refusal naming the option that needs it. */
    public OrgGitHub require(String option) {
        return org.orElseThrow(() -> new UserError(":warning: GitHub is not configured on this Capstan, so `" + option
                + "` cannot be used; nothing was changed. An admin can set GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY and GITHUB_ORG."));
    }
}
