package dev.capstan.features.flush;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pretend CDN of the playground and the tests: it records what it was asked and accepts it, except targets
 * containing "fail", which it refuses (in calls of their own) so that a partial result can be seen too. Nothing leaves the process.
 */
final class FakePurge implements PurgeProvider {
    static final int TARGETS_PER_CALL = 100;

    /** One call as the pretend CDN received it. */
    record Received(String site, TargetType kind, Mode mode, List<String> targets) { }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public List<PurgeCall> plan(Site site, PurgeOrder order) {
        if (order.targets().isEmpty()) return List.of(new PurgeCall(1, null, List.of()));
        List<String> refused = order.targets().stream().filter(FakePurge::refused).toList();
        List<PurgeCall> calls = new ArrayList<>(Batches.of(order.targets().stream().filter(t -> !refused(t)).toList(), TARGETS_PER_CALL, null, 0));
        calls.addAll(Batches.of(refused, TARGETS_PER_CALL, null, calls.size()));
        return calls;
    }

    @Override
    public List<RateBudget.Charge> charges(PurgeOrder order, PurgeCall call) {
        return List.of(new RateBudget.Charge("fake.requests", 1));
    }

    @Override
    public CallOutcome send(Site site, PurgeOrder order, PurgeCall call) {
        received.add(new Received(site.name(), order.kind(), order.mode(), call.targets()));
        if (call.targets().stream().anyMatch(FakePurge::refused)) {
            return CallOutcome.refused(400, "The pretend CDN refuses targets containing \"fail\", to show a partial result.",
                    "fake-support-" + ids.incrementAndGet());
        }
        return CallOutcome.accepted(201, "Request accepted", "fake-support-" + ids.incrementAndGet(), List.of("fake-" + ids.get()), 1);
    }

    /** The targets the pretend CDN refuses; they go in calls of their own, so the others still succeed. */
    private static boolean refused(String target) {
        return target.contains("fail");
    }

    List<Received> received() {
        return List.copyOf(received);
    }
}
