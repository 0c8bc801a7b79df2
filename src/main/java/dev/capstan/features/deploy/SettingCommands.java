package dev.capstan.features.deploy;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.DidYouMean;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The seed's environment-URL settings, its bugs fixed: {@code set basedomain|urlseparator|urlpattern <value>},
 * {@code set url <env> <host>}, {@code unset <setting> [env]} (only that environment's url), and an unknown setting named.
 */
final class SettingCommands {
    static final List<String> NAMES = List.of("basedomain", "urlseparator", "urlpattern", "url");
    static final String HELP = "Settings: `basedomain <domain>` (e.g. example.com), `urlseparator <text>` (default `.`), "
            + "`urlpattern <pattern>` (default `" + Binding.DEFAULT_PATTERN + "`; it must contain `{environment}`, "
            + "`{urlseparator}` and `{basedomain}`), and `url <env> <host>` (one environment's own host). "
            + "An environment's link is `https://<its url>` if set, else the pattern.";
    private static final String HOST = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(:[0-9]{1,5})?";

    private SettingCommands() {
    }

    @Command(name = "set", description = "Set basedomain, urlseparator, urlpattern, or `url <env> <host>`.")
    @CommandInfo(role = Role.MEMBER)
    static final class Set implements CapstanCommand {
        private final DeployServices services;

        @Parameters(arity = "0..*", paramLabel = "SETTING VALUE")
        List<String> words;

        Set(DeployServices services) {
            this.services = services;
        }

        @Override
        public Reply run(CommandContext ctx) {
            if (words == null || words.isEmpty()) return Reply.text(HELP);
            Binding binding = services.binding(ctx.caller().channelId());
            String name = words.get(0).toLowerCase(Locale.ROOT);
            List<String> values = words.subList(1, words.size());
            if (name.equals("url")) {
                if (values.size() != 2) return Reply.text("`url` needs two values: the environment and its host, e.g. `set url staging staging.example.com`.");
                String env = services.environment(values.get(0)).name();
                String host = values.get(1).replaceFirst("^https?://", "").replaceAll("/+$", "");
                if (!host.matches(HOST + "(/[A-Za-z0-9._~/-]*)?") || host.length() > 250) {
                    return Reply.text(":warning: `" + clip(values.get(1)) + "` is not a host name (like `staging.example.com`).");
                }
                services.bindings().setUrl(binding.channelId(), env, host);
                return Reply.text("Great, I've set url of `" + env + "` to `" + host + "`.");
            }
            Bindings.Setting setting = setting(name);
            if (setting == null) return unknown(words.get(0));
            if (values.size() != 1) return Reply.text("That setting needs a single value. " + HELP);
            String value = values.get(0);
            String problem = switch (setting) {
                case BASEDOMAIN -> value.matches(HOST) && value.length() <= 250 ? null : "`" + clip(value) + "` is not a domain (like `example.com`)";
                case URLSEPARATOR -> value.matches("[A-Za-z0-9._-]{1,5}") ? null : "a separator is 1 to 5 letters, digits, `.`, `-` or `_`";
                case URLPATTERN -> value.length() <= 300 && value.contains("{environment}") && value.contains("{urlseparator}")
                        && value.contains("{basedomain}") ? null : "a pattern must contain all of `{environment}`, `{urlseparator}` and `{basedomain}`";
            };
            if (problem != null) return Reply.text(":warning: " + problem + "; nothing was changed.");
            services.bindings().set(binding.channelId(), setting, value);
            return Reply.text("Great, I've set " + name + " to `" + value + "`.");
        }
    }

    @Command(name = "unset", description = "Unset basedomain, urlseparator, urlpattern, or `url <env>`.")
    @CommandInfo(role = Role.MEMBER)
    static final class Unset implements CapstanCommand {
        private final DeployServices services;

        @Parameters(arity = "1..2", paramLabel = "SETTING [ENV]")
        List<String> words;

        Unset(DeployServices services) {
            this.services = services;
        }

        @Override
        public Reply run(CommandContext ctx) {
            Binding binding = services.binding(ctx.caller().channelId());
            String name = words.get(0).toLowerCase(Locale.ROOT);
            if (name.equals("url")) {
                if (words.size() != 2) return Reply.text("`unset url` needs the environment, e.g. `unset url staging`.");
                String env = words.get(1).toLowerCase(Locale.ROOT);
                return services.bindings().unsetUrl(binding.channelId(), env) ? Reply.text("Unset url of `" + env + "`.")
                        : Reply.text("url of `" + clip(env) + "` was not set; nothing changed.");
            }
            Bindings.Setting setting = setting(name);
            if (setting == null) return unknown(words.get(0));
            if (words.size() != 1) return Reply.text("`unset " + name + "` takes no environment.");
            services.bindings().set(binding.channelId(), setting, null);
            return Reply.text("Unset " + name + ".");
        }
    }

    /** {@code get}: the channel's repository, settings and environments (with their rules, CI and links). */
    @Command(name = "get", description = "Show this channel's repository, settings and environments.")
    @CommandInfo(role = Role.MEMBER)
    static class Get implements CapstanCommand {
        private final DeployServices services;

        Get(DeployServices services) {
            this.services = services;
        }

        @Override
        public Reply run(CommandContext ctx) {
            Binding b = services.binding(ctx.caller().channelId());
            StringBuilder text = new StringBuilder("This channel is currently set up for `" + b.repository() + "`.\n");
            text.append("• basedomain: ").append(b.baseDomain() == null ? "--NOT SET--" : "`" + b.baseDomain() + "`").append('\n');
            text.append("• url: ").append(b.urls().isEmpty() ? "--NOT SET--" : String.join(", ", b.urls().entrySet().stream()
                    .map(e -> "`" + e.getKey() + "` → `" + e.getValue() + "`").toList())).append('\n');
            text.append("• urlpattern: `").append(b.urlPattern() == null ? Binding.DEFAULT_PATTERN : b.urlPattern()).append("`\n");
            text.append("• urlseparator: `").append(b.urlSeparator() == null ? Binding.DEFAULT_SEPARATOR : b.urlSeparator()).append("`\n");
            text.append("Environments:\n");
            for (String name : services.environments().names()) {
                Environments.Environment env = services.environment(name);
                String url = b.environmentUrl(name);
                text.append("• `").append(name).append("` from ").append(String.join(", ", env.refs().stream().map(p -> "`" + p.text() + "`").toList()))
                        .append(env.autoPush().isEmpty() ? "" : "; on push of " + String.join(", ", env.autoPush().stream().map(p -> "`" + p.text() + "`").toList()))
                        .append(env.defaultRef() == null ? "" : "; `deploy " + name + "` takes `" + env.defaultRef().label() + "`")
                        .append("; CI: ").append(env.ci().kind()).append(env.policy().summary()).append(url == null ? "" : "; " + url).append('\n');
            }
            text.append("Say `/deploy hello` so I know who you are on GitHub.");
            return Reply.text(text.toString());
        }
    }

    /** {@code config}: the same as {@code get}. */
    @Command(name = "config", description = "Show this channel's repository, settings and environments (same as `get`).")
    @CommandInfo(role = Role.MEMBER)
    static final class Config extends Get {
        Config(DeployServices services) {
            super(services);
        }
    }

    private static Bindings.Setting setting(String name) {
        return switch (name) {
            case "basedomain" -> Bindings.Setting.BASEDOMAIN;
            case "urlseparator" -> Bindings.Setting.URLSEPARATOR;
            case "urlpattern" -> Bindings.Setting.URLPATTERN;
            default -> null;
        };
    }

    private static Reply unknown(String typed) {
        return Reply.text(":warning: `" + clip(typed) + "` is not a setting." + DidYouMean.sentence(typed.toLowerCase(Locale.ROOT), NAMES)
                + " " + HELP);
    }

    private static String clip(String text) {
        String clean = text.replace("`", "'");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }
}
