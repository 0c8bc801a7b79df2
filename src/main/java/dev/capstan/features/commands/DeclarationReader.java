package dev.capstan.features.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks the {@code commands:} section of the YAML file: every problem with file, line and reason (a duplicate
 * name, a default outside its enum, a template naming an unknown variable, a secret that is not set, a host outside the
 * allow-list), so that a bad file is refused as a whole.
 */
final class DeclarationReader {
    private static final List<String> KEYS = List.of("name", "description", "args", "options", "policy", "action", "reply");
    private static final List<String> REPLY_KEYS = List.of("ack", "result");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    static final Set<String> JOB_VARIABLES = Set.of("job.result", "job.duration", "job.url", "job.number", "job.name");
    static final Set<String> TASK_VARIABLES = Set.of("job.result", "job.duration", "job.url", "job.exit_code", "job.task", "job.reason");
    static final Set<String> RESPONSE_VARIABLES = Set.of("response.status", "response.body", "job.duration");
    private static final String DEFAULT_ACK = "Running `{{command}}`…";
    private static final String JENKINS_RESULT = "{{job.result}} in {{job.duration}}: <{{job.url}}|build #{{job.number}}>";
    private static final String ECS_RESULT = "Exit code {{job.exit_code}} in {{job.duration}}: <{{job.url}}|logs of task {{job.task}}>";
    private static final String HTTP_RESULT = "Done: the server answered {{response.status}}.";

    /** The declarations that checked out, and every problem found. */
    record Result(List<Declaration> declarations, List<String> problems) { }

    private final YamlSource source;
    private final DeclarationPass reading;
    private final Clock clock;

    DeclarationReader(YamlSource source, DeclarationPass reading, Clock clock) {
        this.source = source;
        this.reading = reading;
        this.clock = clock;
    }

    Result read() {
        JsonNode commands = source.root().path("commands");
        List<Declaration> declarations = new ArrayList<>();
        if (commands.isMissingNode() || commands.isNull()) return new Result(declarations, reading.problems());
        if (!commands.isArray()) {
            reading.problem("/commands", "`commands` must be a list of commands, each starting with `- name: …`");
            return new Result(declarations, reading.problems());
        }
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < commands.size(); i++) {
            String at = "/commands/" + i;
            Declaration declaration = command(commands.get(i), at);
            if (declaration == null) continue;
            String first = seen.putIfAbsent(declaration.name(), reading.line(at));
            if (first != null) {
                reading.problem(at + "/name", "a second command named `" + declaration.name() + "` (the first is at " + first + ")");
                continue;
            }
            declarations.add(declaration);
        }
        return new Result(declarations, reading.problems());
    }

    private Declaration command(JsonNode node, String at) {
        if (!node.isObject()) {
            reading.problem(at, "a command is a map starting with `name:`");
            return null;
        }
        reading.onlyKeys(node, at, "A command", KEYS);
        String name = reading.text(node, "name", at, true);
        if (name == null) return null;
        if (!NAME.matcher(name).matches()) {
            reading.problem(at + "/name", "`" + name + "` can't name a command: use lower-case letters, digits and '-' (up to 32)");
            return null;
        }
        int before = reading.problems().size();
        List<Parameter> parameters = new ParameterReader(reading, clock).read(node, at);
        Set<String> arguments = new LinkedHashSet<>();
        parameters.forEach(p -> arguments.add(p.name()));
        Set<String> base = new LinkedHashSet<>(arguments);
        base.addAll(List.of("caller.user", "caller.channel", "command"));
        DeclarationPass.Scope scope = new DeclarationPass.Scope(base, Set.of(), true);
        CommandPolicy policy = new PolicyReader(reading).read(node, at, arguments, scope);
        Action action = new ActionReader(reading).read(node, at, scope);
        Declaration.Replies replies = replies(node, at, scope, action);
        String description = reading.text(node, "description", at, false);
        if (reading.problems().size() > before || action == null || replies == null) return null;
        return new Declaration(name, description == null ? "" : description, parameters, policy, action, replies, reading.line(at));
    }

    private Declaration.Replies replies(JsonNode node, String at, DeclarationPass.Scope scope, Action action) {
        JsonNode reply = node.path("reply");
        String replyAt = at + "/reply";
        if (!reply.isMissingNode() && !reply.isObject()) {
            reading.problem(replyAt, "`reply` is a map with `ack` and `result`");
            return null;
        }
        reading.onlyKeys(reply, replyAt, "A reply", REPLY_KEYS);
        DeclarationPass.Scope ack = scope.withoutSecrets();
        DeclarationPass.Scope result = action instanceof Action.Jenkins ? ack.plus(JOB_VARIABLES, Set.of())
                : action instanceof Action.Ecs ? ack.plus(TASK_VARIABLES, Set.of())
                : ack.plus(RESPONSE_VARIABLES, Set.of("response.json."));
        String ackText = reading.text(reply, "ack", replyAt, false);
        String resultText = reading.text(reply, "result", replyAt, false);
        Template ackTemplate = reading.template(ackText == null ? DEFAULT_ACK : ackText, replyAt + "/ack", ack);
        Template resultTemplate = reading.template(resultText != null ? resultText
                : action instanceof Action.Jenkins ? JENKINS_RESULT : action instanceof Action.Ecs ? ECS_RESULT : HTTP_RESULT,
                replyAt + "/result", result);
        return ackTemplate == null || resultTemplate == null ? null : new Declaration.Replies(ackTemplate, resultTemplate);
    }
}
