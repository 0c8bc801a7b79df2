package dev.capstan.features.timereport;

import dev.capstan.command.CommandContext;
import dev.capstan.command.SlackIds;
import dev.capstan.command.UserError;

/** Whose entries a command acts on: the caller's own, or with {@code --user} someone else's, which only admins may. */
final class Subject {
    private Subject() {
    }

    static String resolve(CommandContext ctx, String userOption) {
        if (userOption == null || userOption.isBlank() || userOption.equals(ctx.userId())) return ctx.userId();
        if (!SlackIds.isUser(userOption)) {
            throw new UserError("`" + userOption + "` is not a Slack user. " + (userOption.startsWith("@") ? SlackIds.pickFromTheList(userOption)
                    : "Mention them: type `@` and pick them from the list Slack offers, or give their id (U…)."));
        }
        if (!ctx.isAdmin()) throw new UserError("Only admins can act on someone else's time report.");
        return userOption;
    }

    /** "your" or "<@U…>'s", for replies. */
    static String whose(CommandContext ctx, String userId) {
        return userId.equals(ctx.userId()) ? "your" : "<@" + userId + ">'s";
    }
}
