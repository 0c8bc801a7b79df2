package dev.capstan.features.deploy;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.platform.ApiTokenReplies;
import dev.capstan.store.ApiTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Admin commands for the bearer tokens of the delivery metrics' REST API: create (the secret is shown once), list, revoke. */
final class StatsTokenCommands {
    private StatsTokenCommands() {
    }


    @Command(name = "token create", description = "Create a token for the delivery metrics' REST API; its secret is shown once, only to you.")
    @CommandInfo(role = Role.ADMIN)
    static final class Create implements CapstanCommand {
        private final ApiTokens tokens;

        @Parameters(index = "0", paramLabel = "NAME", description = "What the token is for, e.g. grafana.")
        String name;

        Create(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Reply run(CommandContext ctx) {
            return ApiTokenReplies.create(tokens, name, ctx.userId(), StatsApi.PATH);
        }
    }

    @Command(name = "token list", description = "List the delivery metrics' REST API tokens (names only).")
    @CommandInfo(role = Role.ADMIN)
    static final class ListAll implements CapstanCommand {
        private final ApiTokens tokens;

        ListAll(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Reply run(CommandContext ctx) {
            return ApiTokenReplies.list(tokens, "Tokens for " + StatsApi.PATH,
                    "There are no tokens for " + StatsApi.PATH + ". Create one with `/deploy token create NAME`.");
        }
    }

    @Command(name = "token revoke", description = "Revoke a delivery metrics' REST API token at once.")
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
