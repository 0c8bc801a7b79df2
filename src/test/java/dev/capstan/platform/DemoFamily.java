package dev.capstan.platform;

import dev.capstan.command.Block;
import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.ConfirmationType;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.TransientFailure;
import dev.capstan.platform.Feature;
import dev.capstan.platform.FeatureContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A family that exists only in tests, to exercise every platform path: fast, slow, confirmations, failures. */
final class DemoFamily implements Feature {
    final AtomicInteger deletions = new AtomicInteger();
    final AtomicInteger flakyAttempts = new AtomicInteger();
    final AtomicInteger migrationAttempts = new AtomicInteger();
    final AtomicInteger doomedAttempts = new AtomicInteger();
    final List<String> joined = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The payload of the demo confirmation. */
    record Deletion(String thing) { }

    /** The payload of the slow demo confirmations. */
    record Migration(String thing) { }

    static final ConfirmationType<Deletion> DELETE = new ConfirmationType<>("demo.delete", Deletion.class);
    static final ConfirmationType<Migration> MIGRATE = new ConfirmationType<>("demo.migrate", Migration.class);
    static final ConfirmationType<Migration> DOOM = new ConfirmationType<>("demo.doom", Migration.class);

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public void register(FeatureContext context) {
        context.family("demo", "Commands that exist for tests.")
                .add(Echo::new)
                .add(Slow::new)
                .add(() -> new Flaky(flakyAttempts))
                .add(Danger::new)
                .add(Boom::new)
                .add(AdminOnly::new)
                .add(Long::new)
                .add(Sleepy::new)
                .add(Migrate::new)
                .add(Doom::new);
        context.confirmation(DELETE, false, (ctx, deletion) -> {
            deletions.incrementAndGet();
            return Reply.text("Deleted " + deletion.thing() + ".");
        });
        context.onEvent("team_join", event -> joined.add(event.userId()));
        context.onEvent("app_mention", event -> Thread.sleep(3500));
        context.confirmation(MIGRATE, true, (ctx, migration) -> {
            if (migrationAttempts.incrementAndGet() < 3) throw new TransientFailure("upstream 502", null);
            return Reply.text("Migrated " + migration.thing() + " after " + migrationAttempts.get() + " attempts.");
        });
        context.confirmation(DOOM, true, (ctx, migration) -> {
            doomedAttempts.incrementAndGet();
            throw new TransientFailure("upstream 503", null);
        });
        context.onClick("demo.explode", click -> {
            throw new IllegalStateException("a bug in a click handler");
        });
        context.onSubmit("demo.broken", submission -> {
            throw new IllegalStateException("a bug in a modal handler");
        });
    }

    @Command(name = "echo", description = "Say the words back.")
    @CommandInfo(role = Role.MEMBER)
    static final class Echo implements CapstanCommand {
        @Parameters(paramLabel = "WORD", arity = "1..*")
        List<String> words;

        @Option(names = "--shout")
        boolean shout;

        @Override
        public Reply run(CommandContext context) {
            String text = String.join("|", words);
            return Reply.text(shout ? text.toUpperCase() : text);
        }
    }

    @Command(name = "slow", description = "Pretend to call GitHub.")
    @CommandInfo(role = Role.MEMBER, slow = true)
    static final class Slow implements CapstanCommand {
        @Parameters(paramLabel = "LABEL")
        String label;

        @Override
        public Reply run(CommandContext context) {
            return Reply.text("slow done: " + label);
        }
    }

    @Command(name = "flaky", description = "Fail twice, then work.")
    @CommandInfo(role = Role.MEMBER, slow = true)
    static final class Flaky implements CapstanCommand {
        private final AtomicInteger attempts;

        Flaky(AtomicInteger attempts) {
            this.attempts = attempts;
        }

        @Override
        public Reply run(CommandContext context) {
            if (attempts.incrementAndGet() < 3) throw new TransientFailure("upstream 502", null);
            return Reply.text("flaky worked after " + attempts.get() + " attempts");
        }
    }

    @Command(name = "danger", description = "Delete a thing after confirmation.")
    @CommandInfo(role = Role.MEMBER)
    static final class Danger implements CapstanCommand {
        @Parameters(paramLabel = "THING")
        String thing;

        @Override
        public Reply run(CommandContext context) {
            return context.confirm("Really delete " + thing + "?", DELETE, new Deletion(thing));
        }
    }

    @Command(name = "boom", description = "Fail with a bug.")
    @CommandInfo(role = Role.MEMBER)
    static final class Boom implements CapstanCommand {
        @Override
        public Reply run(CommandContext context) {
            throw new IllegalStateException("secret internals xoxb-should-not-leak");
        }
    }

    @Command(name = "secret", description = "Only for admins.")
    @CommandInfo(role = Role.ADMIN)
    static final class AdminOnly implements CapstanCommand {
        @Override
        public Reply run(CommandContext context) {
            return Reply.text("the admin secret");
        }
    }

    @Command(name = "long", description = "A reply longer than one Slack message.")
    @CommandInfo(role = Role.MEMBER)
    static final class Long implements CapstanCommand {
        @Parameters(paramLabel = "N", defaultValue = "120")
        int sections;

        @Override
        public Reply run(CommandContext context) {
            List<Block> blocks = new ArrayList<>();
            for (int i = 1; i <= sections; i++) blocks.add(new Block.Section("line " + i));
            return Reply.blocks("a long list", blocks);
        }
    }

    @Command(name = "sleepy", description = "Take longer than Slack's 3 seconds.")
    @CommandInfo(role = Role.MEMBER)
    static final class Sleepy implements CapstanCommand {
        @Override
        public Reply run(CommandContext context) throws InterruptedException {
            Thread.sleep(3500);
            return Reply.text("finally awake");
        }
    }

    @Command(name = "migrate", description = "Migrate a thing after confirmation, in a job that fails twice first.")
    @CommandInfo(role = Role.MEMBER)
    static final class Migrate implements CapstanCommand {
        @Parameters(paramLabel = "THING")
        String thing;

        @Override
        public Reply run(CommandContext context) {
            return context.confirm("Really migrate " + thing + "?", MIGRATE, new Migration(thing));
        }
    }

    @Command(name = "doom", description = "Confirm a job that never works.")
    @CommandInfo(role = Role.MEMBER)
    static final class Doom implements CapstanCommand {
        @Parameters(paramLabel = "THING")
        String thing;

        @Override
        public Reply run(CommandContext context) {
            return context.confirm("Really migrate " + thing + " to nowhere?", DOOM, new Migration(thing));
        }
    }
}
