package dev.capstan.features.playground;

import dev.capstan.command.Block;
import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Destination;
import dev.capstan.slack.Interactions;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.platform.Feature;
import dev.capstan.platform.FeatureContext;
import dev.capstan.slack.SlackWebApi;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** A family that exists only in tests, for what the playground must show: a modal, a confirmation, a DM, a channel post. */
final class TryOutFamily implements Feature {
    static final String FEEDBACK_MODAL = "tryout.feedback";
    static final String FEEDBACK_VIEW = """
            {"type":"modal","callback_id":"tryout.feedback","title":{"type":"plain_text","text":"Feedback"},
             "submit":{"type":"plain_text","text":"Send"},"close":{"type":"plain_text","text":"Cancel"},
             "blocks":[{"type":"input","block_id":"summary","label":{"type":"plain_text","text":"What should we know?"},
                        "element":{"type":"plain_text_input","action_id":"summary"}},
                       {"type":"input","block_id":"when","optional":true,"label":{"type":"plain_text","text":"Since when?"},
                        "element":{"type":"datepicker","action_id":"when"}},
                       {"type":"input","block_id":"mood","optional":true,"label":{"type":"plain_text","text":"Mood"},
                        "element":{"type":"static_select","action_id":"mood","options":[
                          {"text":{"type":"plain_text","text":"Happy"},"value":"happy"},
                          {"text":{"type":"plain_text","text":"Grumpy"},"value":"grumpy"}]}},
                       {"type":"input","block_id":"who","optional":true,"label":{"type":"plain_text","text":"Who else?"},
                        "element":{"type":"users_select","action_id":"who"}}]}""";

    /** A message with the blocks Capstan's own replies do not use: an image, a static select, an overflow menu, a danger button. */
    static final String SHOWCASE_BLOCKS = """
            [{"type":"image","image_url":"/playground/none.png","alt_text":"a chart","title":{"type":"plain_text","text":"Hours"}},
             {"type":"actions","block_id":"pick","elements":[
               {"type":"static_select","action_id":"tryout.pick","placeholder":{"type":"plain_text","text":"Pick one"},
                "options":[{"text":{"type":"plain_text","text":"Red"},"value":"red"}]},
               {"type":"overflow","action_id":"tryout.pick","options":[{"text":{"type":"plain_text","text":"Blue"},"value":"blue"}]},
               {"type":"button","action_id":"tryout.pick","style":"danger","value":"nothing","text":{"type":"plain_text","text":"Delete"}}]}]""";

    final List<String> feedback = new CopyOnWriteArrayList<>();
    /** Every accepted submission's values, by block id, as the platform read them. */
    final List<Map<String, String>> submissions = new CopyOnWriteArrayList<>();

    static final dev.capstan.command.ConfirmationType<String> FORGET = new dev.capstan.command.ConfirmationType<>("tryout.forget", String.class);

    @Override
    public String name() {
        return "tryout";
    }

    @Override
    public void register(FeatureContext context) {
        SlackWebApi slack = context.slack();
        context.family("tryout", "Commands that exist for playground tests.")
                .add(() -> new Feedback(slack))
                .add(Forget::new)
                .add(Announce::new)
                .add(Remind::new)
                .add(Vote::new)
                .add(() -> new Showcase(slack));
        context.onClick("tryout.pick", click -> Reply.text("You picked " + click.value() + "."));
        context.onClick("tryout.vote", click -> Reply.text("<@" + click.userId() + "> voted " + click.value() + ".").replacingOriginal());
        context.confirmation(FORGET, false,
                (ctx, thing) -> Reply.text("Forgot " + thing + "."));
        context.onSubmit(FEEDBACK_MODAL, submission -> {
            String summary = submission.values().getOrDefault("summary", "").trim();
            if (summary.length() < 5) return Interactions.SubmitAnswer.errors(Map.of("summary", "Please write at least 5 characters."));
            feedback.add(summary);
            submissions.add(submission.values());
            context.outbox().send(new Destination.DirectMessage(submission.userId()), Reply.text("Thanks for your feedback: " + summary));
            return Interactions.SubmitAnswer.close();
        });
    }

    @Command(name = "feedback", description = "Open a feedback form.")
    @CommandInfo(role = Role.MEMBER)
    static final class Feedback implements CapstanCommand {
        private final SlackWebApi slack;

        Feedback(SlackWebApi slack) {
            this.slack = slack;
        }

        @Override
        public Reply run(CommandContext context) throws Exception {
            String trigger = context.invocation().triggerId();
            slack.call("views.open", m -> m.viewsOpen(r -> r.triggerId(trigger).viewAsString(FEEDBACK_VIEW)));
            return Reply.text("Opening the feedback form…");
        }
    }

    @Command(name = "showcase", description = "Post a message with an image, a select, an overflow menu and a danger button.")
    @CommandInfo(role = Role.MEMBER)
    static final class Showcase implements CapstanCommand {
        private final SlackWebApi slack;

        Showcase(SlackWebApi slack) {
            this.slack = slack;
        }

        @Override
        public Reply run(CommandContext context) throws Exception {
            String channel = context.invocation().channelId();
            slack.call("chat.postMessage", m -> m.chatPostMessage(r -> r.channel(channel).text("Showcase").blocksAsString(SHOWCASE_BLOCKS)));
            return Reply.text("Posted.");
        }
    }

    @Command(name = "forget", description = "Forget a thing after confirmation.")
    @CommandInfo(role = Role.MEMBER)
    static final class Forget implements CapstanCommand {
        @Parameters(paramLabel = "THING")
        String thing;

        @Override
        public Reply run(CommandContext context) {
            return context.confirm("Really forget " + thing + "?", FORGET, thing);
        }
    }

    @Command(name = "announce", description = "Say something to the channel.")
    @CommandInfo(role = Role.MEMBER)
    static final class Announce implements CapstanCommand {
        @Parameters(paramLabel = "WORDS", arity = "1..*")
        List<String> words;

        @Override
        public Reply run(CommandContext context) {
            return Reply.text(String.join(" ", words)).inChannel();
        }
    }

    @Command(name = "remind", description = "Send yourself a DM.")
    @CommandInfo(role = Role.MEMBER)
    static final class Remind implements CapstanCommand {
        @Parameters(paramLabel = "WORDS", arity = "1..*")
        List<String> words;

        @Override
        public Reply run(CommandContext context) {
            context.outbox().send(new Destination.DirectMessage(context.userId()), Reply.text("Reminder: " + String.join(" ", words)));
            return Reply.text("I'll DM you.");
        }
    }

    @Command(name = "vote", description = "Ask the channel a yes/no question.")
    @CommandInfo(role = Role.MEMBER)
    static final class Vote implements CapstanCommand {
        @Parameters(paramLabel = "QUESTION", arity = "1..*")
        List<String> words;

        @Override
        public Reply run(CommandContext context) {
            String question = String.join(" ", words);
            return Reply.blocks(question, List.of(new Block.Section(question), new Block.Actions(List.of(
                    new Block.Button("Yes", "tryout.vote", "yes", Block.Button.Style.PRIMARY),
                    new Block.Button("No", "tryout.vote", "no", Block.Button.Style.DEFAULT))))).inChannel();
        }
    }
}
