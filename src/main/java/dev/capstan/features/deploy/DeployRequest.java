package dev.capstan.features.deploy;

import dev.capstan.command.Role;

/**
 * What someone (or a webhook) asks to deploy where: the repository's binding, the environment, the ref and maybe its
 * sha, the trigger, who asked and with which role (none for automatic deployments), how it came about, and the last
 * version of the message it continues (an approval card's) or 0.
 */
record DeployRequest(Binding binding, Environments.Environment environment, GitRef ref, String sha, String trigger,
                     String requestedBy, String authorLogin, Role role, Deployment.Origin origin, long messageVersion) {

    /** A person's request from Slack (rather than a push, a pull request or a thaw). */
    boolean manual() {
        return requestedBy != null && trigger.equals("slack");
    }

    boolean rollback() {
        return origin.rollbackTo() != null;
    }

    DeployRequest continuing(Deployment.Origin newOrigin, long version) {
        return new DeployRequest(binding, environment, ref, sha, trigger, requestedBy, authorLogin, role, newOrigin, version);
    }
}
