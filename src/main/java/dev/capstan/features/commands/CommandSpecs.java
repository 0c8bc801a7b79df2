package dev.capstan.features.commands;

import dev.capstan.command.ParsedArguments;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A declaration as a picocli command: positional arguments in order, {@code --options}, {@code --dry-run}; each value
 * checked by its type as it is parsed, so a bad one gets picocli's usage with what was wrong, and the usage lists
 * types, allowed values and defaults.
 */
final class CommandSpecs {
    static final String DRY_RUN = "dry-run";

    private CommandSpecs() {
    }

    static CommandSpec of(Declaration declaration, Clock clock) {
        CommandSpec spec = CommandSpec.create().name(declaration.name());
        spec.usageMessage().description(declaration.description());
        int index = 0;
        for (Parameter parameter : declaration.parameters()) {
            if (parameter.positional()) {
                PositionalParamSpec.Builder positional = PositionalParamSpec.builder().index(Integer.toString(index++))
                        .paramLabel("<" + parameter.name() + ">").type(String.class).arity(parameter.required() ? "1" : "0..1").required(parameter.required())
                        .description(parameter.explanation()).converters(converter(parameter, clock));
                if (parameter.defaultValue() != null) positional.defaultValue(parameter.defaultValue());
                spec.addPositional(positional.build());
            } else if (parameter.kind() == Parameter.ValueType.BOOLEAN) {
                spec.addOption(OptionSpec.builder("--" + parameter.name()).arity("0").type(boolean.class)
                        .description(parameter.explanation()).build());
            } else {
                OptionSpec.Builder option = OptionSpec.builder("--" + parameter.name()).paramLabel("<" + parameter.name() + ">")
                        .type(String.class).arity("1").required(parameter.required()).description(parameter.explanation())
                        .converters(converter(parameter, clock));
                if (parameter.defaultValue() != null) option.defaultValue(parameter.defaultValue());
                spec.addOption(option.build());
            }
        }
        spec.addOption(OptionSpec.builder("--" + DRY_RUN).arity("0").type(boolean.class)
                .description("Show the request it would send and what the policy says; send nothing.").build());
        return spec;
    }

    /** The usage text of a declaration under the name the caller reached it by. */
    static String usage(Declaration declaration, String displayName, Clock clock) {
        CommandLine line = new CommandLine(of(declaration, clock));
        line.setCommandName(displayName);
        line.getCommandSpec().usageMessage().width(90);
        return line.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
    }

    /** The canonical values the caller gave or that defaulted; flags as true/false; absent ones left out. */
    static Map<String, String> values(Declaration declaration, ParsedArguments parsed) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter parameter : declaration.parameters()) {
            Object value = parsed.get(parameter.name());
            if (value != null) values.put(parameter.name(), value.toString());
        }
        return values;
    }

    private static CommandLine.ITypeConverter<String> converter(Parameter parameter, Clock clock) {
        return raw -> {
            try {
                return TypedValue.canonical(parameter, raw, clock);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        };
    }
}
