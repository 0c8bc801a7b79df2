package dev.capstan.features.commands;

import dev.capstan.command.Reply;
import dev.capstan.command.Tokenizer;
import dev.capstan.slack.Interactions;
import dev.capstan.slack.SlackWebApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A declared command's button on Home: the click opens its form, and submitting the form builds the command line and
 * runs it as if the person had typed it in the chosen channel. What is missing is said next to its field, before anything runs.
 */
final class CommandFormFlow {
    private static final Logger log = LoggerFactory.getLogger(CommandFormFlow.class);
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_.,:/@#+=-]+");

    /** Runs a built line as typed by a person in a channel, its reply going to the response_url. */
    @FunctionalInterface
    interface LineRunner {
        void run(String userId, String channelId, String line, String responseUrl);
    }

    private final Catalog catalog;
    private final SlackWebApi slack;
    private final LineRunner runner;

    CommandFormFlow(Catalog catalog, SlackWebApi slack, LineRunner runner) {
        this.catalog = catalog;
        this.slack = slack;
        this.runner = runner;
    }

    Reply open(Interactions.Click click) {
        LoadedCommand command = catalog.all().get(click.value());
        if (command == null || click.triggerId() == null) {
            log.info("The form of '{}' was not opened for {}: {}", click.value(), click.userId(),
                    command == null ? "no such command any more" : "no trigger");
            return null;
        }
        try {
            slack.call("views.open", m -> m.viewsOpen(r -> r.triggerId(click.triggerId())
                    .view(CommandForm.of(command.declaration(), click.channelId()))));
        } catch (Exception e) {
            log.warn("views.open failed for the form of '{}'", click.value(), e);
        }
        return null;
    }

    Interactions.SubmitAnswer submit(Interactions.Submission submission) {
        LoadedCommand command = catalog.all().get(submission.privateMetadata());
        if (command == null) {
            return Interactions.SubmitAnswer.errors(Map.of(CommandForm.CHANNEL,
                    "This command is no longer declared; nothing was run."));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String line = line(command.declaration(), submission.values(), errors);
        if (submission.responseUrl() == null) errors.put(CommandForm.CHANNEL, "Choose the channel to post the result in.");
        if (!errors.isEmpty()) return Interactions.SubmitAnswer.errors(errors);
        runner.run(submission.userId(), submission.responseChannelId(), line, submission.responseUrl());
        return Interactions.SubmitAnswer.close();
    }

    /** The line as it would be typed: the name, the arguments in order, then the options that were given. */
    static String line(Declaration declaration, Map<String, String> values, Map<String, String> errors) {
        List<String> words = new ArrayList<>(List.of(declaration.name()));
        List<Parameter> positional = declaration.parameters().stream().filter(Parameter::positional).toList();
        int last = -1;
        for (int i = 0; i < positional.size(); i++) if (!value(values, positional.get(i)).isEmpty()) last = i;
        for (int i = 0; i < positional.size(); i++) {
            Parameter p = positional.get(i);
            String value = value(values, p);
            boolean required = p.required() && p.defaultValue() == null;
            if (value.isEmpty() && i < last && p.defaultValue() != null) value = p.defaultValue();
            if (value.isEmpty() && (required || i < last)) {
                errors.put(CommandForm.blockId(p), required ? "Required." : "Fill this in too: a later argument is given.");
            }
            if (!value.isEmpty()) words.add(word(value));
        }
        for (Parameter p : declaration.parameters()) {
            if (p.positional()) continue;
            String value = value(values, p);
            if (p.kind() == Parameter.ValueType.BOOLEAN) {
                if (value.contains(CommandForm.FLAG_ON)) words.add("--" + p.name());
            } else if (!value.isEmpty()) {
                words.add("--" + p.name());
                words.add(word(value));
            } else if (p.required() && p.defaultValue() == null) {
                errors.put(CommandForm.blockId(p), "Required.");
            }
        }
        return String.join(" ", words);
    }

    private static String value(Map<String, String> values, Parameter p) {
        return values.getOrDefault(CommandForm.blockId(p), "").strip();
    }

    private static String word(String value) {
        return PLAIN_WORD.matcher(value).matches() ? value : Tokenizer.quote(List.of(value));
    }
}
