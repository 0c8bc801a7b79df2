package dev.capstan.features.timereport;

import dev.capstan.store.ApiTokens;
import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.UserError;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Admin commands for the REST API's bearer tokens: create (the secret is shown once), list, revoke. */
final class TokenCommands {
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private TokenCommands() {
    }

    static String checkedName(String name) {
        if (!name.matches("[A-Za-z0-9._-]{1,24}")) {
            throw new UserError("A token name is 1 to 24 letters, digits, dots, dashes or underscores; `"
                    + CONTROL.matcher(name).replaceAll(c -> String.format("\\\\u%04x", (int) c.group().charAt(0))) + "` is not.");
        }
        return name;
    }

    /** {@code token create NAME}. */
    @Command(name = "token create", description = "Create a REST API token; its secret is shown once, only to you.")
    @CommandInfo(role = Role.ADMIN)
    static final class Create implements CapstanCommand {
        private final ApiTokens tokens;

        @Parameters(index = "0", paramLabel = "NAME", description = "What the token is for, e.g. payroll.")
        String name;

        Create(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Reply run(CommandContext ctx) {
            String secret = tokens.create(checkedName(name), ctx.userId()).orElseThrow(() ->
                    new UserError("A token named `" + name + "` exists already; revoke it first or pick another name."));
            return Reply.text(":key: Token `" + name + "` created. Copy it now; it is not stored and will not be shown again:\n`"
                    + secret + "`\nUse it as `Authorization: Bearer <token>` on /api/timereport/….");
        }
    }

    /** {@code token list}. */
    @Command(name = "token list", description = "List the REST API tokens (names only).")
    @CommandInfo(role = Role.ADMIN)
    static final class ListAll implements CapstanCommand {
        private final ApiTokens tokens;

        ListAll(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Reply run(CommandContext ctx) {
            List<ApiTokens.TokenInfo> all = tokens.list();
            if (all.isEmpty()) return Reply.text("There are no REST API tokens. Create one with `/timereport token create NAME`.");
            return Reply.text("*REST API tokens*\n" + String.join("\n", all.stream().map(t -> "• `" + t.name()
                    + "` created by <@" + t.createdBy() + "> at " + t.createdAt()).toList()));
        }
    }

    /** {@code token revoke NAME}. */
    @Command(name = "token revoke", description = "Revoke a REST API token at once.")
    @CommandInfo(role = Role.ADMIN)
    static final class Revoke implements CapstanCommand {
        private final ApiTokens tokens;

        @Parameters(index = "0", paramLabel = "NAME", description = "The token's name.")
        String name;

        Revoke(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Reply run(CommandContext ctx) {
            if (!tokens.revoke(checkedName(name))) throw new UserError("There is no token named `" + name + "`; `token list` shows them.");
            return Reply.text("Token `" + name + "` is revoked; requests with it are refused from now on.");
        }
    }
}
