package dev.capstan.features.flush;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.ConfirmationType;
import dev.capstan.command.DidYouMean;
import dev.capstan.command.Refusal;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.UserError;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code /flush everything SITE [CPCODE…] [--mode M]}: empties a whole Fastly service, Cloudflare zone or Akamai CP
 * codes. Admins only, and only after they confirm.
 */
@Command(name = "everything", description = "Purge everything of a site: its Fastly services, its Cloudflare zone, or Akamai CP codes. "
        + "Asks to confirm.")
@CommandInfo(role = Role.ADMIN)
final class PurgeEverything implements CapstanCommand {
    private final Sites sites;
    private final SiteAccess access;
    private final ConfirmationType<PurgeOrder> confirmation;

    @Parameters(index = "0", paramLabel = "SITE", description = "The site.")
    String site;

    @Parameters(index = "1..*", paramLabel = "CPCODE", arity = "0..*", description = "Akamai sites: the CP codes to purge.")
    List<String> cpCodes = List.of();

    @Option(names = "--mode", paramLabel = "MODE", description = "invalidate or delete (default: invalidate where the CDN can).")
    String mode;

    PurgeEverything(Sites sites, SiteAccess access, ConfirmationType<PurgeOrder> confirmation) {
        this.sites = sites;
        this.access = access;
        this.confirmation = confirmation;
    }

    @Override
    public Reply run(CommandContext ctx) {
        if (!ctx.isAdmin()) throw new Refusal("flush everything: admins only", "Purging everything of a site is for admins only, whatever the access rules allow; nothing was purged.");
        Site chosen = sites.find(site).orElseThrow(() -> new UserError("There is no site `" + site + "`."
                + DidYouMean.sentence(site, sites.names()) + " Sites: " + String.join(", ", sites.names()) + "."));
        if (!access.mayUse(ctx.userId(), ctx.caller().channelId(), chosen)) {
            throw new Refusal("site " + chosen.name() + " access", "An access rule keeps you from site " + chosen.name() + "; nothing was purged.");
        }
        PurgeOrder order = order(chosen, cpCodes == null ? List.of() : cpCodes, mode);
        String scope = switch (chosen.cdn()) {
            case AKAMAI -> "CP codes " + String.join(", ", order.targets()) + " on the " + chosen.settings().network() + " network";
            case FASTLY -> "Fastly services " + String.join(", ", chosen.settings().services());
            case CLOUDFLARE -> "Cloudflare zone " + chosen.settings().zone();
            case HTTP -> "your flush service at " + chosen.settings().http().host();
            case FAKE -> "the pretend CDN";
        };
        return ctx.confirm(":warning: Purge *everything* of site *" + chosen.name() + "* (" + scope + "), mode " + order.mode().id()
                + "? Every cached object goes, and your origin takes the load.", confirmation, order);
    }

    /** The whole-site order for this site, or a refusal saying what is missing. */
    static PurgeOrder order(Site site, List<String> cpCodes, String modeText) {
        TargetType kind = site.cdn() == Cdn.AKAMAI ? TargetType.CPCODE : TargetType.EVERYTHING;
        if (!site.settings().kinds().contains(kind)) {
            throw new UserError("Site " + site.name() + " may not purge everything: add `" + kind.id() + "` to its kinds.");
        }
        if (kind == TargetType.CPCODE && cpCodes.isEmpty()) throw new UserError("Name the CP codes to purge: `/flush everything " + site.name() + " 12345`.");
        if (kind != TargetType.CPCODE && !cpCodes.isEmpty()) throw new UserError("Only Akamai sites take CP codes; `" + site.name() + "` is on " + site.cdn().label() + ".");
        for (String code : cpCodes) {
            if (!code.matches("[0-9]{1,10}")) throw new UserError("`" + code + "` is not a CP code (a number).");
        }
        boolean softAll = site.cdn() != Cdn.FASTLY && site.settings().modes().contains(Mode.INVALIDATE);
        Mode mode = modeText == null ? (softAll ? Mode.INVALIDATE : Mode.DELETE) : Mode.parse(modeText);
        if (mode == null) throw new UserError("--mode is invalidate or delete, not `" + modeText + "`.");
        if (site.cdn() == Cdn.FASTLY && mode == Mode.INVALIDATE) {
            throw new UserError("Fastly purges a whole service hard only (purge_all cannot be soft): use --mode delete.");
        }
        String problem = OrderCheck.modeProblem(site, mode);
        if (problem != null) throw new UserError(problem);
        return new PurgeOrder(site.name(), kind, mode, cpCodes.stream().distinct().toList());
    }
}
