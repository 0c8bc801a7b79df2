package dev.capstan.features.timereport;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One person's report for one day: a reason and hours. */
record TimeEntry(String userId, LocalDate day, String reason, BigDecimal hours) {
}
