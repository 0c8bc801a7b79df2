package dev.capstan.features.commands;

import dev.capstan.jenkins.JenkinsAccess;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.http.HostAllowList;
import dev.capstan.platform.Durations;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a command's {@code action}: one of {@code http}, {@code jenkins} or {@code ecs}, and its {@code timeout}. */
final class ActionReader {
    private static final List<String> KEYS = List.of("http", "jenkins", "ecs", "timeout");
    private static final List<String> ECS_KEYS = List.of("cluster", "task_definition", "container", "command", "environment",
            "launch_type", "subnets", "security_groups", "assign_public_ip", "region");
    private static final List<String> LAUNCH_TYPES = List.of("FARGATE", "EC2", "EXTERNAL");
    static final Duration ECS_TIMEOUT = Duration.ofMinutes(60);
    private static final List<String> HTTP_KEYS = List.of("method", "url", "headers", "query", "json", "form", "allow_hosts", "follow");
    private static final List<String> JENKINS_KEYS = List.of("job", "parameters");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    static final Duration JENKINS_TIMEOUT = Duration.ofMinutes(30);

    private final DeclarationPass reading;

    ActionReader(DeclarationPass reading) {
        this.reading = reading;
    }

    Action read(JsonNode command, String pointer, DeclarationPass.Scope scope) {
        JsonNode node = command.path("action");
        String at = pointer + "/action";
        if (!node.isObject()) {
            reading.problem(pointer, "`action` is required: { http: … }, { jenkins: … } or { ecs: … }");
            return null;
        }
        reading.onlyKeys(node, at, "An action", KEYS);
        List<String> kinds = List.of("http", "jenkins", "ecs").stream().filter(node::has).toList();
        if (kinds.size() != 1) {
            reading.problem(at, "an action is `http`, `jenkins` or `ecs`, exactly one");
            return null;
        }
        String kind = kinds.get(0);
        Duration timeout = switch (kind) {
            case "http" -> HTTP_TIMEOUT;
            case "jenkins" -> JENKINS_TIMEOUT;
            default -> ECS_TIMEOUT;
        };
        String timeoutText = reading.text(node, "timeout", at, false);
        if (timeoutText != null) {
            try {
                timeout = Durations.parse(timeoutText);
            } catch (IllegalArgumentException e) {
                reading.problem(at + "/timeout", e.getMessage());
            }
        }
        return switch (kind) {
            case "http" -> http(node.path("http"), at + "/http", scope, timeout);
            case "jenkins" -> jenkins(node.path("jenkins"), at + "/jenkins", scope, timeout);
            default -> ecs(node.path("ecs"), at + "/ecs", scope, timeout);
        };
    }

    private Action http(JsonNode node, String at, DeclarationPass.Scope scope, Duration timeout) {
        reading.onlyKeys(node, at, "An http action", HTTP_KEYS);
        String method = reading.text(node, "method", at, false);
        method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) reading.problem(at + "/method", "method `" + method + "` is not one of " + String.join(", ", METHODS));
        HostAllowList hosts = new HostAllowList(reading.texts(node, "allow_hosts", at));
        if (hosts.hosts().isEmpty()) reading.problem(at, "`allow_hosts` is required: the hosts this command may call");
        Template url = reading.template(reading.text(node, "url", at, true), at + "/url", scope);
        if (url != null) checkUrl(new UrlTemplate(url), at + "/url", hosts);
        Map<String, Template> headers = templates(node, "headers", at, scope);
        Map<String, Template> query = templates(node, "query", at, scope);
        JsonNode json = node.has("json") ? node.get("json") : null;
        if (json != null) {
            for (String leaf : HttpRequests.leaves(json)) reading.template(leaf, at + "/json", scope);
        }
        Map<String, Template> form = node.has("form") ? templates(node, "form", at, scope) : null;
        if (json != null && form != null) reading.problem(at, "a request has a `json` or a `form` body, not both");
        boolean follow = !"false".equals(reading.text(node, "follow", at, false));
        return url == null ? null : new Action.Http(method, new UrlTemplate(url), headers, query, json, form, hosts, follow, timeout);
    }

    private void checkUrl(UrlTemplate url, String at, HostAllowList hosts) {
        for (Template.Part part : url.template().parts()) {
            if (part instanceof Template.Secret) {
                reading.problem(at, "a secret can't be part of the URL: send it in a header, the query or the body");
                return;
            }
        }
        String prefix = url.configuredPrefix(reading.environment());
        URI uri;
        try {
            uri = URI.create(prefix.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            reading.problem(at, "the URL does not start like one (http://host/…): " + e.getMessage());
            return;
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null
                || (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && !prefix.equals(url.template().source())) {
            reading.problem(at, "the URL must start with http(s)://host/ written in the file or an {{env.…}} variable;"
                    + " arguments may only fill its path or query");
            return;
        }
        if (!hosts.hosts().isEmpty() && !hosts.allows(uri.getHost())) {
            reading.problem(at, "the host " + uri.getHost() + " is outside the allow-list (" + String.join(", ", hosts.hosts()) + ")");
        }
    }

    private Action jenkins(JsonNode node, String at, DeclarationPass.Scope scope, Duration timeout) {
        reading.onlyKeys(node, at, "A jenkins action", JENKINS_KEYS);
        String job = reading.text(node, "job", at, true);
        if (job != null && !job.matches("[A-Za-z0-9._ -]+(/[A-Za-z0-9._ -]+)*")) {
            reading.problem(at + "/job", "`" + job + "` is no job path: write folder/job with letters, digits, '.', '_', '-' and spaces");
            job = null;
        }
        if (reading.environment().apply(JenkinsAccess.URL) == null) {
            reading.problem(at, "a jenkins action needs " + JenkinsAccess.URL + " (and " + JenkinsAccess.USER + " with "
                    + JenkinsAccess.TOKEN + " or " + JenkinsAccess.PASSWORD + ")");
        }
        Map<String, Template> parameters = templates(node, "parameters", at, scope);
        return job == null ? null : new Action.Jenkins(job, parameters, timeout);
    }

    private Action ecs(JsonNode node, String at, DeclarationPass.Scope scope, Duration timeout) {
        reading.onlyKeys(node, at, "An ecs action", ECS_KEYS);
        String cluster = reading.text(node, "cluster", at, true);
        String taskDefinition = reading.text(node, "task_definition", at, true);
        String container = reading.text(node, "container", at, true);
        List<Template> command = new ArrayList<>();
        List<String> words = reading.texts(node, "command", at);
        for (int i = 0; i < words.size(); i++) {
            Template word = reading.template(words.get(i), at + "/command/" + i, scope);
            if (word != null) command.add(word);
        }
        Map<String, Template> environment = templates(node, "environment", at, scope);
        String launchType = reading.text(node, "launch_type", at, false);
        if (launchType != null && !LAUNCH_TYPES.contains(launchType.toUpperCase(Locale.ROOT))) {
            reading.problem(at + "/launch_type", "launch_type `" + launchType + "` is not one of " + String.join(", ", LAUNCH_TYPES));
        }
        List<String> subnets = reading.texts(node, "subnets", at);
        List<String> groups = reading.texts(node, "security_groups", at);
        boolean publicIp = "true".equals(reading.text(node, "assign_public_ip", at, false));
        String region = reading.text(node, "region", at, false);
        if (region == null && reading.environment().apply(EcsTasks.REGION) == null) {
            reading.problem(at, "an ecs action needs `region` or " + EcsTasks.REGION);
        }
        if (cluster == null || taskDefinition == null || container == null) return null;
        return new Action.Ecs(cluster, taskDefinition, container, command, environment,
                launchType == null ? null : launchType.toUpperCase(Locale.ROOT), subnets, groups, publicIp, region, timeout);
    }

    private Map<String, Template> templates(JsonNode node, String key, String at, DeclarationPass.Scope scope) {
        Map<String, Template> templates = new LinkedHashMap<>();
        reading.textMap(node, key, at).forEach((name, text) -> {
            Template template = reading.template(text, at + "/" + key + "/" + name, scope);
            if (template != null) templates.put(name, template);
        });
        return templates;
    }
}
