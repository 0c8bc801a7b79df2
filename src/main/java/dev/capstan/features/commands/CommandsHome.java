package dev.capstan.features.commands;

import dev.capstan.command.AccessPolicy;
import dev.capstan.command.Block;
import dev.capstan.command.Caller;
import dev.capstan.command.CommandTraits;
import dev.capstan.command.HomeSections;
import dev.capstan.command.People;
import dev.capstan.command.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Declared commands' part of a person's Home tab: the ones they may run, by the same rules as typing them (the access
 * policy and the declaration's role or users), each with how to type it, where it runs when limited to channels, and a
 * button that opens a form to run it.
 */
final class CommandsHome implements HomeSections.Section {
    private static final int SHOWN = 20;

    private final Catalog catalog;
    private final AccessPolicy access;
    private final People people;

    CommandsHome(Catalog catalog, AccessPolicy access, People people) {
        this.catalog = catalog;
        this.access = access;
        this.people = people;
    }

    @Override
    public List<Block> blocks(String userId) {
        Role role = people.roleOf(userId);
        List<Block> blocks = new ArrayList<>();
        for (LoadedCommand command : catalog.all().values().stream()
                .sorted(Comparator.comparing((LoadedCommand c) -> c.declaration().name())).toList()) {
            if (!mayRun(command, userId, role)) continue;
            if (blocks.isEmpty()) blocks.add(new Block.Header("Commands you may run"));
            Declaration d = command.declaration();
            String where = d.policy().channels().isEmpty() ? ""
                    : "\nRuns only in " + d.policy().channels().stream().sorted().map(c -> "<#" + c + ">").collect(Collectors.joining(", "));
            blocks.add(new Block.Section("`" + usage(d) + "`\n" + d.description() + where));
            blocks.add(new Block.Actions(List.of(new Block.Button("Run " + d.name() + "…", CommandForm.OPEN, d.name(), Block.Button.Style.DEFAULT))));
            if (blocks.size() > 2 * SHOWN) break;
        }
        return blocks;
    }

    /** Allowed as if typed in one of the channels it is limited to (or anywhere): the policy, then the declaration's grant. */
    private boolean mayRun(LoadedCommand command, String userId, Role role) {
        String channel = command.declaration().policy().channels().stream().sorted().findFirst().orElse(null);
        Caller caller = new Caller(userId, channel, role);
        CommandTraits traits = new CommandTraits(Role.MEMBER, false, command.guard());
        return access.allows(caller, command.declaration().name(), traits) && command.guard().refusal(caller).isEmpty();
    }

    /** How to type it: arguments in order ({@code [name]} when they may be left out), then the options. */
    static String usage(Declaration d) {
        StringBuilder usage = new StringBuilder("/capstan ").append(d.name());
        for (Parameter p : d.parameters()) {
            boolean optional = !p.required() || p.defaultValue() != null;
            String shown = p.positional() ? "<" + p.name() + ">"
                    : "--" + p.name() + (p.kind() == Parameter.ValueType.BOOLEAN ? "" : " <" + p.name() + ">");
            usage.append(' ').append(optional ? "[" + shown + "]" : shown);
        }
        return usage.toString();
    }
}
