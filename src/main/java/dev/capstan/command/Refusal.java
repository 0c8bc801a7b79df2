package dev.capstan.command;

/**
 * A request a rule refused (an environment's deployers or lock, a site's access, a declared command's channels…): a
 * command, a confirmed action or a click handler throws it, the person reads its message as it is, and the audit log
 * records the outcome {@code refused by RULE: message}, which {@code audit --outcome refused} finds. Input the person
 * can correct is a plain {@link UserError}.
 */
public class Refusal extends UserError {
    private final String rule;

    /** {@code rule} names the rule as an admin would look for it, e.g. "`production` lock" or "site blog access". */
    public Refusal(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }

    /** What the audit log records as the outcome. */
    public String auditOutcome() {
        return "refused by " + rule + ": " + getMessage();
    }
}
