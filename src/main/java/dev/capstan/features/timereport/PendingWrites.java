package dev.capstan.features.timereport;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.capstan.command.ConfirmationType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What a confirmation stores server-side: concrete days and values resolved when the question was asked. */
final class PendingWrites {
    static final ConfirmationType<PendingAdd> ADD = new ConfirmationType<>("timereport.add", PendingAdd.class);
    static final ConfirmationType<PendingEdit> EDIT = new ConfirmationType<>("timereport.edit", PendingEdit.class);
    static final ConfirmationType<PendingDelete> DELETE = new ConfirmationType<>("timereport.delete", PendingDelete.class);

    private PendingWrites() {
    }

    /** Add these days for this person. */
    record PendingAdd(String userId, String reason, BigDecimal hours, List<LocalDate> days) { }

    /** Replace this person's entry on the day. */
    record PendingEdit(String userId, LocalDate day, String reason, BigDecimal hours) { }

    /**
     * Delete this person's entries on exactly the days the question listed; entries added later are not touched.
     * A question stored by an older version held a date range instead, and arrives here without days.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PendingDelete(String userId, List<LocalDate> days) { }
}
