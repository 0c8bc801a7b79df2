package dev.capstan.features.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four metrics of fixed histories whose answers are known, and the DORA 2023 bands at their boundaries. */
class DeliveryCalculatorTest {
    private static final Instant UNTIL = Instant.parse("2026-03-31T00:00:00Z");
    private static final Instant DAY_1 = Instant.parse("2026-03-02T00:00:00Z");

    private final List<Shipment> history = new ArrayList<>();
    private long nextId = 1;

    private long ok(Instant at, Shipment.Change change) {
        return add(true, at, null, change);
    }

    private long failed(Instant at) {
        return add(false, at, null, Shipment.Change.NOTHING_NEW);
    }

    private long rollback(Instant at, long to) {
        return add(true, at, to, Shipment.Change.NOTHING_NEW);
    }

    private long add(boolean succeeded, Instant finishedAt, Long rollbackTo, Shipment.Change change) {
        long id = nextId++;
        history.add(new Shipment(id, succeeded, finishedAt.minus(Duration.ofMinutes(5)), finishedAt, rollbackTo, change));
        return id;
    }

    private DeliveryFigures figures(int days) {
        return DeliveryCalculator.compute("production", history, days, UNTIL);
    }

    private static Shipment.Change commitsFrom(Instant first) {
        return Shipment.Change.commits(2, first);
    }

    @Test
    void noDeploymentsMeasureNothingButALowFrequency() {
        DeliveryFigures f = figures(30);
        assertThat(f.deployments()).isZero();
        assertThat(f.frequencyBand()).isEqualTo(Band.LOW);
        assertThat(f.leadTime()).isNull();
        assertThat(f.leadTimeBand()).isNull();
        assertThat(f.failureBand()).isNull();
        assertThat(f.timeToRestore()).isNull();
        assertThat(f.trend()).hasSize(5).allSatisfy(b -> assertThat(b.successes() + b.failedChanges()).isZero());
    }

    @Test
    void deploymentsThatAllFailedAreAllFailedChangesAndNotYetRestored() {
        failed(DAY_1);
        failed(DAY_1.plus(Duration.ofDays(1)));
        failed(DAY_1.plus(Duration.ofDays(2)));
        DeliveryFigures f = figures(30);
        assertThat(f.deployments()).isEqualTo(3);
        assertThat(f.successes()).isZero();
        assertThat(f.failedChanges()).isEqualTo(3);
        assertThat(f.failureRate()).isEqualTo(1.0);
        assertThat(f.failureBand()).isEqualTo(Band.LOW);
        assertThat(f.timeToRestore()).isNull();
        assertThat(f.unrestored()).isTrue();
    }

    @Test
    void aRollbackMakesTheDeploymentItUndidAFailedChange() {
        long first = ok(DAY_1, Shipment.Change.NOTHING_NEW);
        long undone = ok(DAY_1.plus(Duration.ofDays(2)), commitsFrom(DAY_1));
        rollback(DAY_1.plus(Duration.ofDays(4)), first);
        assertThat(DeliveryCalculator.failedChanges(history)).containsExactly(undone);
        DeliveryFigures f = figures(30);
        assertThat(f.failedChanges()).isEqualTo(1);
        assertThat(f.deployments()).isEqualTo(3);
        assertThat(f.failureBand()).isEqualTo(Band.LOW);
    }

    @Test
    void aSuccessFollowedByARollbackWithinADayIsAFailedChangeButNotOneTwoDaysBefore() {
        long good = ok(DAY_1, Shipment.Change.NOTHING_NEW);
        long twoDaysBefore = ok(DAY_1.plus(Duration.ofDays(8)), Shipment.Change.NOTHING_NEW);
        long hoursBefore = ok(DAY_1.plus(Duration.ofDays(10)).plus(Duration.ofHours(9)), Shipment.Change.NOTHING_NEW);
        long undone = ok(DAY_1.plus(Duration.ofDays(10)).plus(Duration.ofHours(12)), Shipment.Change.NOTHING_NEW);
        rollback(DAY_1.plus(Duration.ofDays(10)).plus(Duration.ofHours(15)), good);
        assertThat(DeliveryCalculator.failedChanges(history)).containsExactlyInAnyOrder(undone, hoursBefore)
                .doesNotContain(twoDaysBefore, good);
    }

    @Test
    void deploymentsWithNoCommitsToCompareAreLeftOutOfTheLeadTimeAndCounted() {
        ok(DAY_1, Shipment.Change.NOTHING_NEW);
        ok(DAY_1.plus(Duration.ofDays(1)), Shipment.Change.NOT_FETCHED);
        DeliveryFigures f = figures(30);
        assertThat(f.leadTime()).isNull();
        assertThat(f.nothingNew()).isEqualTo(1);
        assertThat(f.notCompared()).isEqualTo(1);
        assertThat(f.measuredChanges()).isZero();
    }

    @Test
    void leadTimeIsTheMedianFromTheOldestNewCommitToTheSuccess() {
        Instant at = DAY_1.plus(Duration.ofDays(3));
        ok(at, commitsFrom(at.minus(Duration.ofHours(1))));
        ok(at.plus(Duration.ofDays(1)), commitsFrom(at.plus(Duration.ofDays(1)).minus(Duration.ofHours(10))));
        ok(at.plus(Duration.ofDays(2)), commitsFrom(at.plus(Duration.ofDays(2)).minus(Duration.ofHours(2))));
        DeliveryFigures f = figures(30);
        assertThat(f.leadTime()).isEqualTo(Duration.ofHours(2));
        assertThat(f.leadTimeBand()).isEqualTo(Band.ELITE);
        assertThat(DeliveryCalculator.median(List.of(Duration.ofHours(1), Duration.ofHours(3)))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void timeToRestoreRunsFromTheFirstFailureToTheNextSuccess() {
        failed(DAY_1);
        failed(DAY_1.plus(Duration.ofMinutes(10)));
        ok(DAY_1.plus(Duration.ofHours(1)), Shipment.Change.NOTHING_NEW);
        DeliveryFigures f = figures(30);
        assertThat(f.timeToRestore()).isEqualTo(Duration.ofHours(1));
        assertThat(f.restoreBand()).isEqualTo(Band.HIGH);
        assertThat(f.unrestored()).isFalse();
    }

    @Test
    void theTrendCountsSuccessesAndFailedChangesPerWeek() {
        ok(UNTIL.minus(Duration.ofHours(1)), Shipment.Change.NOTHING_NEW);
        failed(UNTIL.minus(Duration.ofHours(2)));
        ok(UNTIL.minus(Duration.ofDays(29)), Shipment.Change.NOTHING_NEW);
        DeliveryFigures f = figures(30);
        assertThat(f.trend().get(0).successes()).isEqualTo(1);
        assertThat(f.trend().get(4).successes()).isEqualTo(1);
        assertThat(f.trend().get(4).failedChanges()).isEqualTo(1);
        assertThat(f.trend().get(4).length()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void deploymentFrequencyBandsChangeExactlyAtDailyWeeklyAndMonthly() {
        assertThat(DoraThresholds.frequency(7, 7)).isEqualTo(Band.ELITE);
        assertThat(DoraThresholds.frequency(6, 7)).isEqualTo(Band.HIGH);
        assertThat(DoraThresholds.frequency(1, 7)).isEqualTo(Band.HIGH);
        assertThat(DoraThresholds.frequency(1, 8)).isEqualTo(Band.MEDIUM);
        assertThat(DoraThresholds.frequency(1, 30)).isEqualTo(Band.MEDIUM);
        assertThat(DoraThresholds.frequency(1, 31)).isEqualTo(Band.LOW);
        assertThat(DoraThresholds.frequency(0, 1)).isEqualTo(Band.LOW);
    }

    @Test
    void leadTimeBandsChangeAtOneDayOneWeekAndOneMonth() {
        assertThat(DoraThresholds.leadTime(Duration.ofDays(1).minusSeconds(1))).isEqualTo(Band.ELITE);
        assertThat(DoraThresholds.leadTime(Duration.ofDays(1))).isEqualTo(Band.HIGH);
        assertThat(DoraThresholds.leadTime(Duration.ofDays(7))).isEqualTo(Band.HIGH);
        assertThat(DoraThresholds.leadTime(Duration.ofDays(7).plusSeconds(1))).isEqualTo(Band.MEDIUM);
        assertThat(DoraThresholds.leadTime(Duration.ofDays(30))).isEqualTo(Band.MEDIUM);
        assertThat(DoraThresholds.leadTime(Duration.ofDays(30).plusSeconds(1))).isEqualTo(Band.LOW);
    }

    @Test
    void changeFailureRateBandsChangeAtFiveTenAndFifteenPercent() {
        assertThat(DoraThresholds.changeFailureRate(1, 20)).isEqualTo(Band.ELITE);
        assertThat(DoraThresholds.changeFailureRate(1, 19)).isEqualTo(Band.HIGH);
        assertThat(DoraThresholds.changeFailureRate(1, 10)).isEqualTo(Band.HIGH);
        assertThat(DoraThresholds.changeFailureRate(3, 20)).isEqualTo(Band.MEDIUM);
        assertThat(DoraThresholds.changeFailureRate(4, 25)).isEqualTo(Band.LOW);
    }

    @Test
    void timeToRestoreBandsChangeAtOneHourOneDayAndOneWeek() {
        assertThat(DoraThresholds.timeToRestore(Duration.ofHours(1).minusSeconds(1))).isEqualTo(Band.ELITE);
        assertThat(DoraThresholds.timeToRestore(Duration.ofHours(1))).isEqualTo(Band.HIGH);
        assertThat(DoraThresholds.timeToRestore(Duration.ofDays(1))).isEqualTo(Band.MEDIUM);
        assertThat(DoraThresholds.timeToRestore(Duration.ofDays(7))).isEqualTo(Band.MEDIUM);
        assertThat(DoraThresholds.timeToRestore(Duration.ofDays(7).plusSeconds(1))).isEqualTo(Band.LOW);
    }
}
