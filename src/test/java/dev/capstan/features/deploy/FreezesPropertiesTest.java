package dev.capstan.features.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.jobs.Cron;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Freeze windows as a pure function of rules and a moment, over time zones with and without daylight saving. */
class FreezesPropertiesTest {
    /** Zones with spring and autumn changes in both hemispheres, odd offsets, and none at all. */
    private static final List<String> ZONES = List.of("Europe/Stockholm", "Europe/London", "America/New_York", "America/Santiago",
            "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kolkata", "UTC");
    private static final String[] DAYS = {"*", "MON", "FRI", "SUN", "MON-FRI", "SAT,SUN"};

    /** A recurring rule with its cron's minute and hour, to check where its windows start. */
    record Weekly(int minute, int hour, String days, Duration duration, ZoneId zone) {
        Freezes.Recurring rule() {
            return new Freezes.Recurring(new Cron("0 " + minute + " " + hour + " * * " + days), duration, zone);
        }
    }

    @Provide
    Arbitrary<Instant> moments() {
        // 2024 to 2028: several daylight-saving changes in every zone that has them.
        return Arbitraries.longs().between(1_704_067_200L, 1_830_297_600L).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Weekly> weekly() {
        return Combinators.combine(Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 23), Arbitraries.of(DAYS),
                        Arbitraries.longs().between(1, 100 * 60).map(Duration::ofMinutes), Arbitraries.of(ZONES).map(ZoneId::of))
                .as(Weekly::new);
    }

    @Property(tries = 200)
    void aRecurringWindowStartsAtAFiringOfItsCronInItsZoneNeverBefore(@ForAll("weekly") Weekly weekly, @ForAll("moments") Instant now) {
        Optional<Freezes.Window> window = weekly.rule().covering(now).or(() -> weekly.rule().firstAfter(now));
        assertThat(window).isPresent();
        ZonedDateTime start = window.get().start().atZone(weekly.zone());
        assertThat(start.getMinute()).isEqualTo(weekly.minute());
        assertThat(start.getHour()).isEqualTo(weekly.hour());
        assertThat(weekly.rule().cron().next(window.get().start().minusSeconds(1), weekly.zone())).isEqualTo(window.get().start());
    }

    @Property(tries = 200)
    void aRecurringWindowLastsItsDurationInRealTimeAcrossDaylightSavingChanges(@ForAll("weekly") Weekly weekly, @ForAll("moments") Instant now) {
        Freezes.Window next = weekly.rule().firstAfter(now).orElseThrow();
        assertThat(Duration.between(next.start(), next.end())).isEqualTo(weekly.duration());
        weekly.rule().covering(now).ifPresent(w -> assertThat(Duration.between(w.start(), w.end())).isEqualTo(weekly.duration()));
    }

    @Property(tries = 200)
    void aMomentIsFrozenExactlyWhenSomeWindowContainsIt(@ForAll("weekly") Weekly first, @ForAll("weekly") Weekly second,
                                                         @ForAll("moments") Instant now) {
        Freezes freezes = new Freezes(List.of(first.rule(), second.rule()));
        boolean inSome = first.rule().covering(now).isPresent() || second.rule().covering(now).isPresent();
        assertThat(freezes.current(now).isPresent()).isEqualTo(inSome);
        freezes.current(now).ifPresent(w -> {
            assertThat(w.contains(now)).isTrue();
            assertThat(freezes.current(w.start())).isPresent();
            assertThat(freezes.current(w.end().minusSeconds(1))).isPresent();
            if (!w.openEnded()) assertThat(freezes.current(w.end())).as("frozen until %s, then free", w.end()).isEmpty();
        });
    }

    @Property(tries = 200)
    void theNextWindowStartsAfterNowAndNothingIsFrozenBetweenAFreeMomentAndIt(@ForAll("weekly") Weekly first, @ForAll("weekly") Weekly second,
                                                                           @ForAll("moments") Instant now) {
        Freezes freezes = new Freezes(List.of(first.rule(), second.rule()));
        Freezes.Window next = freezes.next(now).orElseThrow();
        assertThat(next.start()).isAfter(now);
        assertThat(first.rule().firstAfter(now).orElseThrow().start()).isAfterOrEqualTo(next.start());
        assertThat(second.rule().firstAfter(now).orElseThrow().start()).isAfterOrEqualTo(next.start());
        if (freezes.current(now).isEmpty()) {
            Instant between = now.plus(Duration.between(now, next.start()).dividedBy(2));
            assertThat(freezes.current(between)).isEmpty();
            assertThat(freezes.current(next.start())).isPresent();
        }
    }

    @Property(tries = 300)
    void aOneOffWindowRunsFromItsLocalStartToItsLocalEndInItsZone(@ForAll("moments") Instant from, @ForAll("moments") Instant now) {
        for (String id : ZONES) {
            ZoneId zone = ZoneId.of(id);
            LocalDateTime start = LocalDateTime.ofInstant(from, zone);
            LocalDateTime end = start.plusDays(10);
            Freezes freezes = Freezes.of(List.of(new PolicySettings.FreezeWindow(null, null, start, end, zone)));
            Instant startAt = start.atZone(zone).toInstant();
            Instant endAt = end.atZone(zone).toInstant();
            assertThat(freezes.current(now).isPresent()).isEqualTo(!now.isBefore(startAt) && now.isBefore(endAt));
            freezes.current(now).ifPresent(w -> assertThat(w.endText()).contains(" " + end.getDayOfMonth() + " ")
                    .contains(String.format("%02d:%02d", endAt.atZone(zone).getHour(), endAt.atZone(zone).getMinute())).endsWith("(" + id + ")"));
        }
    }

    @Example
    void theIssuesFridayFreezeInStockholmLasts64HoursAcrossTheSpringChange() {
        Freezes freezes = Freezes.of(List.of(new PolicySettings.FreezeWindow("0 16 * * FRI", Duration.ofHours(64), null, null,
                ZoneId.of("Europe/Stockholm"))));
        // Friday 27 March 2026, 16:00 CET; clocks go forward on Sunday 29 March; 64 hours later it is Monday 09:00 CEST.
        Freezes.Window window = freezes.current(Instant.parse("2026-03-28T12:00:00Z")).orElseThrow();
        assertThat(window.start()).isEqualTo(Instant.parse("2026-03-27T15:00:00Z"));
        assertThat(window.end()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(window.endText()).isEqualTo("Mon 30 Mar 2026 09:00 CEST (Europe/Stockholm)");
        assertThat(freezes.current(Instant.parse("2026-03-27T14:59:59Z"))).isEmpty();
        assertThat(freezes.next(Instant.parse("2026-03-30T08:00:00Z")).orElseThrow().startText()).isEqualTo("Fri 3 Apr 2026 16:00 CEST (Europe/Stockholm)");
    }

    @Example
    void windowsThatOverlapOrTouchAreOneFreezeEndingWithTheLast() {
        ZoneId stockholm = ZoneId.of("Europe/Stockholm");
        Freezes freezes = Freezes.of(List.of(
                new PolicySettings.FreezeWindow("0 16 * * FRI", Duration.ofHours(64), null, null, stockholm),
                new PolicySettings.FreezeWindow(null, null, LocalDateTime.parse("2026-12-23T00:00"), LocalDateTime.parse("2027-01-02T00:00"), stockholm),
                new PolicySettings.FreezeWindow(null, null, LocalDateTime.parse("2027-01-02T00:00"), LocalDateTime.parse("2027-01-03T12:00"), stockholm)));
        // The one-off window starts on a Wednesday, is touched by the second, and the Friday freeze of 1 January runs to Monday 4 January.
        Freezes.Window holidays = freezes.current(Instant.parse("2026-12-24T10:00:00Z")).orElseThrow();
        assertThat(holidays.endText()).isEqualTo("Mon 4 Jan 2027 08:00 CET (Europe/Stockholm)");
    }
}
