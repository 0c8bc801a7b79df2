package dev.capstan.features.deploy;

import java.util.LinkedHashMap;
import java.util.Map;

/** Fills {@code {{env}}}, {@code {{ref}}}, {@code {{sha}}}, {@code {{deployment_id}}} … into configured CI parameters. */
final class Templates {
    private Templates() {
    }

    static Map<String, String> values(Deployment d) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("env", d.environment());
        values.put("environment", d.environment());
        values.put("ref", d.gitRef().name());
        values.put("full_ref", d.gitRef().full());
        values.put("sha", d.sha() == null ? "" : d.sha());
        values.put("deployment_id", d.githubId() == null ? "" : Long.toString(d.githubId()));
        values.put("capstan_id", Long.toString(d.id()));
        values.put("url", d.environmentUrl() == null ? "" : d.environmentUrl());
        values.put("number", d.pullRequest() == null ? "" : Integer.toString(d.pullRequest()));
        values.put("repository", d.repository());
        return values;
    }

    /** Text values get their placeholders filled; numbers and booleans stay what they are. */
    static Map<String, Object> fill(Map<String, Object> parameters, Deployment d) {
        Map<String, String> values = values(d);
        Map<String, Object> filled = new LinkedHashMap<>();
        parameters.forEach((name, value) -> filled.put(name, value instanceof String text ? fill(text, values) : value));
        return filled;
    }

    private static String fill(String text, Map<String, String> values) {
        String result = text;
        for (Map.Entry<String, String> value : values.entrySet()) result = result.replace("{{" + value.getKey() + "}}", value.getValue());
        return result;
    }
}
