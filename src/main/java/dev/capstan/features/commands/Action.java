package dev.capstan.features.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.http.HostAllowList;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a declared command does: one HTTP request, one Jenkins build or one ECS task; {@code timeout} bounds it from start to result. */
sealed interface Action {
    Duration timeout();

    /**
     * An HTTP request from templates: values are encoded for where they land (path segment, query, JSON string, form
     * field); {@code json} is a tree whose string leaves are templates; {@code follow} polls a 202's Location until done.
     */
    record Http(String method, UrlTemplate url, Map<String, Template> headers, Map<String, Template> query, JsonNode json,
                Map<String, Template> form, HostAllowList hosts, boolean follow, Duration timeout) implements Action {
        public Http {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
            form = form == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(form));
        }
    }

    /** A Jenkins job (folders as {@code a/b/job}) built with parameters, followed from queue item to build to result. */
    record Jenkins(String job, Map<String, Template> parameters, Duration timeout) implements Action {
        public Jenkins {
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    /**
     * An ECS task (RunTask) with overrides for one container from templates ({@code command} words, {@code environment}
     * values), followed with DescribeTasks until it stopped; {@code region} null means AWS_REGION.
     */
    record Ecs(String cluster, String taskDefinition, String container, List<Template> command, Map<String, Template> environment,
               String launchType, List<String> subnets, List<String> securityGroups, boolean publicIp, String region,
               Duration timeout) implements Action {
        public Ecs {
            command = List.copyOf(command);
            environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
            subnets = List.copyOf(subnets);
            securityGroups = List.copyOf(securityGroups);
        }
    }
}
