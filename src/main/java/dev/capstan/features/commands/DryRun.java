package dev.capstan.features.commands;

import dev.capstan.jenkins.JenkinsAccess;
import dev.capstan.jenkins.JenkinsClient;
import dev.capstan.command.Block;
import dev.capstan.command.Caller;
import dev.capstan.command.Reply;
import dev.capstan.command.UserError;
import dev.capstan.platform.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** {@code --dry-run}: the request a run would send (secrets as placeholders) and what the policy says; nothing is sent. */
final class DryRun {
    private final CommandServices services;

    DryRun(CommandServices services) {
        this.services = services;
    }

    Reply reply(LoadedCommand command, Map<String, String> arguments, Caller caller, String display) {
        Declaration declaration = command.declaration();
        Variables values = services.variables(declaration.name(), arguments, caller.userId(), caller.channelId(), false);
        List<String> lines = new ArrayList<>();
        lines.add("*Dry run of `" + Encoding.mrkdwn(display) + "`*: nothing was sent.");
        lines.add(command.guard().refusal(caller, arguments).map(why -> ":no_entry: The policy would refuse it: " + why + ".")
                .orElse(":white_check_mark: The policy lets you run it here."));
        CommandPolicy policy = declaration.policy();
        if (policy.confirmWhen() != null && policy.confirmWhen().holds(arguments)) {
            lines.add(":raised_hand: It would ask you to confirm first (" + policy.confirmWhen().source() + ").");
        }
        if (policy.concurrency() != null) {
            String key = policy.concurrency().render(values::variable, n -> "", UnaryOperator.identity());
            Optional<ConcurrencyLocks.Holder> holder = services.locks().holder(key);
            lines.add(holder.map(h -> ":lock: Its key `" + Encoding.mrkdwn(key) + "` is held by a run of <@" + h.userId() + ">: it would be refused now.")
                    .orElse(":unlock: Its key `" + Encoding.mrkdwn(key) + "` is free."));
        }
        String request;
        try {
            request = preview(command, values).describe(services.secrets());
        } catch (UserError e) {
            request = "It would be refused: " + e.getMessage();
        }
        String timeout = Durations.format(declaration.action().timeout());
        lines.add(declaration.action() instanceof Action.Jenkins ? "Then it follows the queue item and the build, for up to " + timeout + "."
                : declaration.action() instanceof Action.Ecs ? "Then it follows the ECS task until it stopped, for up to " + timeout + "."
                : "It waits up to " + timeout + " for the answer.");
        String text = services.secrets().masked(String.join("\n", lines));
        return Reply.blocks(text + "\n" + request, List.of(new Block.Section(text), new Block.Preformatted(services.secrets().masked(request))));
    }

    /** Renders the request once before a run starts, so that a value the request can't carry is refused at once. */
    void check(LoadedCommand command, Map<String, String> arguments, Caller caller) {
        preview(command, services.variables(command.declaration().name(), arguments, caller.userId(), caller.channelId(), false));
    }

    private OutboundRequest preview(LoadedCommand command, Variables values) {
        if (command.declaration().action() instanceof Action.Jenkins jenkins) {
            JenkinsClient client = services.jenkins().orElseThrow(() -> new UserError(JenkinsAccess.URL + " is not set."));
            return new JenkinsSteps(services, client).preview(jenkins, values);
        }
        if (command.declaration().action() instanceof Action.Ecs ecs) return new EcsSteps(services, services.ecs()).preview(ecs, values);
        return HttpRequests.render(command.declaration(), (Action.Http) command.declaration().action(), values);
    }
}
