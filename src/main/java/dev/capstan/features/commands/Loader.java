package dev.capstan.features.commands;

import dev.capstan.jenkins.JenkinsClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.capstan.http.HostAllowList;
import dev.capstan.http.OutboundClient;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the file's {@code commands:} section into commands ready to serve, or the problems that refuse it; with
 * {@code askJenkins}, each Jenkins job is asked for its parameters, and one the job does not define is refused
 * (Jenkins would drop it silently). A Jenkins that does not answer is noted, not held against the file.
 */
final class Loader {
    /** Builds the outbound client of one HTTP command: its allowed hosts and its timeout. */
    @FunctionalInterface
    interface Clients {
        OutboundClient client(String command, HostAllowList hosts, Duration timeout);
    }

    /** What a reading of the file came to. */
    record Loaded(Map<String, LoadedCommand> commands, List<String> problems) { }

    private static final Logger log = LoggerFactory.getLogger(Loader.class);

    private final Function<String, String> environment;
    private final Secrets secrets;
    private final Clock clock;
    private final Optional<JenkinsClient> jenkins;
    private final Clients clients;
    private final SlackEmails emails;

    Loader(Function<String, String> environment, Secrets secrets, Clock clock, Optional<JenkinsClient> jenkins, Clients clients,
           SlackEmails emails) {
        this.environment = environment;
        this.secrets = secrets;
        this.clock = clock;
        this.jenkins = jenkins;
        this.clients = clients;
        this.emails = emails;
    }

    Loaded load(Path file, boolean askJenkins) {
        try {
            return load(file, Files.readAllBytes(file), askJenkins);
        } catch (IOException e) {
            return refused(file.getFileName() + ": can't be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The declarations in {@code content}, read once from {@code file} (named in every problem). */
    Loaded load(Path file, byte[] content, boolean askJenkins) {
        String name = file.getFileName().toString();
        YamlSource source;
        try {
            source = YamlSource.parse(name, StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString());
        } catch (JsonProcessingException e) {
            return refused(name + ":" + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": not YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            return refused(name + ": can't be read (" + e.getClass().getSimpleName() + ")");
        }
        DeclarationReader.Result read = new DeclarationReader(source, new DeclarationPass(source, environment, secrets, emails), clock).read();
        List<String> problems = new ArrayList<>(read.problems());
        if (askJenkins) read.declarations().forEach(d -> problems.addAll(checkJenkins(d)));
        Map<String, LoadedCommand> commands = new LinkedHashMap<>();
        for (Declaration declaration : read.declarations()) {
            OutboundClient http = declaration.action() instanceof Action.Http action
                    ? clients.client(declaration.name(), action.hosts(), action.timeout()) : null;
            commands.put(declaration.name(), new LoadedCommand(declaration, new DeclaredGuard(declaration.name(), declaration.policy()), http));
        }
        return new Loaded(commands, problems);
    }

    /** The parameters a Jenkins job does not define, as problems; none when Jenkins could not be asked. */
    List<String> checkJenkins(Declaration declaration) {
        if (!(declaration.action() instanceof Action.Jenkins action) || jenkins.isEmpty()) return List.of();
        try {
            Optional<Set<String>> defined = jenkins.get().parameters(action.job());
            if (defined.isEmpty()) return List.of(declaration.where() + ": Jenkins has no job `" + action.job() + "`");
            Set<String> unknown = new LinkedHashSet<>(action.parameters().keySet());
            unknown.removeAll(defined.get());
            if (unknown.isEmpty()) return List.of();
            return List.of(declaration.where() + ": the job `" + action.job() + "` defines no parameter " + String.join(", ", unknown)
                    + " (Jenkins would drop it silently); it has " + (defined.get().isEmpty() ? "none" : String.join(", ", defined.get())));
        } catch (RuntimeException e) {
            log.warn("Could not ask Jenkins for the parameters of {} ({}); they are not checked", action.job(), e.getMessage());
            return List.of();
        }
    }

    private static Loaded refused(String problem) {
        return new Loaded(Map.of(), List.of(problem));
    }
}
