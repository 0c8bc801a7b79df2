package dev.capstan.features.deploy;

import java.util.LinkedHashMap;
import java.util.Map;

/** Which CI runs an environment's deployments: CircleCI, Jenkins, GitHub Actions, or none (something outside reacts to GitHub's event). */
record CiSettings(CircleCi circleci, Jenkins jenkins, GitHubActions githubActions) {
    static final CiSettings NONE = new CiSettings(null, null, null);

    /** A CircleCI v2 pipeline, with pipeline parameters ({@code {{env}}}, {@code {{ref}}}, {@code {{sha}}} … are filled in). */
    record CircleCi(Map<String, Object> parameters) {
        CircleCi {
            parameters = parameters == null ? Map.of() : new LinkedHashMap<>(parameters);
        }
    }

    /** A Jenkins job ("folder/name"), built with parameters. */
    record Jenkins(String job, Map<String, Object> parameters) {
        Jenkins {
            if (job == null || job.isBlank() || job.startsWith("/") || job.endsWith("/") || job.contains("//") || job.contains("..")) {
                throw new IllegalArgumentException("job must name a Jenkins job, e.g. deploy/web");
            }
            parameters = parameters == null ? Map.of() : new LinkedHashMap<>(parameters);
        }
    }

    /** A workflow with a {@code workflow_dispatch} trigger (its file name or id), and its inputs besides {@code deployment_id}. */
    record GitHubActions(String workflow, Map<String, Object> inputs) {
        GitHubActions {
            if (workflow == null || !workflow.matches("[A-Za-z0-9._-]{1,100}")) {
                throw new IllegalArgumentException("workflow must be the workflow's file name (deploy.yml) or id");
            }
            inputs = inputs == null ? Map.of() : new LinkedHashMap<>(inputs);
        }
    }

    CiSettings {
        int chosen = (circleci == null ? 0 : 1) + (jenkins == null ? 0 : 1) + (githubActions == null ? 0 : 1);
        if (chosen > 1) throw new IllegalArgumentException("ci takes one of circleci, jenkins or github_actions, not several");
    }

    /** The adapter's name as the audit, the database and the messages show it. */
    String kind() {
        if (circleci != null) return "circleci";
        if (jenkins != null) return "jenkins";
        if (githubActions != null) return "github_actions";
        return "none";
    }
}
