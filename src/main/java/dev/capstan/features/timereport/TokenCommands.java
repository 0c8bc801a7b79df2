package dev.capstan.features.timereport;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.platform.ApiTokenReplies;
import dev.capstan.store.ApiTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Admin commands for the REST API's bearer tokens: create (the secret is shown once), list, revoke. */
final class TokenCommands {

    private TokenCommands() {
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
            return ApiTokenReplies.create(tokens, name, ctx.userId(), "/api/timereport/…");
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
            return ApiTokenReplies.list(tokens, "REST API tokens", "There are no REST API tokens. Create one with `/timereport token create NAME`.");
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
            return ApiTokenReplies.revoke(tokens, name);
        }
    }
}
