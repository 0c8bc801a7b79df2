package dev.capstan.features.directory;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code user add [-f]}: registers the caller; {@code -f} starts their profile over and says what was cleared. */
@Command(name = "add", description = "Register yourself in the directory (-f starts your profile over).")
@CommandInfo(role = Role.MEMBER)
final class AddUser implements CapstanCommand {
    private final Services services;

    @Option(names = {"-f", "--force"}, description = "Re-create your profile, clearing every field.")
    boolean force;

    AddUser(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        services.people().ensure(ctx.userId());
        if (services.profiles().addIfAbsent(Profile.blank(ctx.userId()))) {
            return Reply.text(":wave: You are registered. Fill in your profile with `/capstan user edit --name … --email … "
                    + "--github LOGIN`; `/capstan user view` shows it.");
        }
        if (!force) {
            return Reply.text("You are already registered; nothing was changed. `/capstan user add --force` starts your "
                    + "profile over, clearing every field.");
        }
        boolean hadEmail = services.profiles().find(ctx.userId()).map(Profile::email).isPresent();
        services.profiles().save(Profile.blank(ctx.userId()));
        if (hadEmail) services.teams().emailChanged(ctx.userId());
        return Reply.text(":recycle: Your profile was re-created: name, email, position, GitHub login, major and bio are "
                + "now empty. Your team memberships, role and karma are kept.");
    }
}
