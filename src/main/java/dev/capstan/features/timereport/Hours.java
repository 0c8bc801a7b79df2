package dev.capstan.features.timereport;

import dev.capstan.command.UserError;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Parses and prints hours: more than 0, at most 24, in steps of at most two decimals ("7.5" or "7,5"). */
final class Hours {
    static final BigDecimal MAX = BigDecimal.valueOf(24);

    private Hours() {
    }

    public static BigDecimal parse(String text) {
        BigDecimal hours;
        try {
            hours = new BigDecimal(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new UserError("`" + text + "` is not a number of hours; write e.g. `8` or `7.5`.");
        }
        if (hours.signum() <= 0 || hours.compareTo(MAX) > 0) {
            throw new UserError("Hours must be more than 0 and at most 24; `" + text + "` is not.");
        }
        if (hours.stripTrailingZeros().scale() > 2) {
            throw new UserError("Hours take at most two decimals; `" + text + "` has more.");
        }
        return hours.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** "8", "7.5", "7.25": no trailing zeros. */
    public static String format(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString();
    }
}
