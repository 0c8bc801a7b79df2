package dev.capstan.features.deploy;

import dev.capstan.command.TransientFailure;
import dev.capstan.github.GitHubApp;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import dev.capstan.jobs.JobResult;
import java.util.Date;
import java.util.Optional;
import org.kohsuke.github.GHCompare;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GitUser;

/**
 * The job that runs once a deployment succeeded: asks GitHub's compare ("Compare two commits", through hub4j) what went
 * out since the previous success of that environment, and stores the oldest new commit's date for the lead time.
 */
final class FetchLeadTime {
    /** Which successful deployment to look at. */
    record Ref(long id) { }

    private final LeadTimes leadTimes;
    private final Optional<GitHubApp> github;
    private final Clock clock;

    FetchLeadTime(LeadTimes leadTimes, Optional<GitHubApp> github, Clock clock) {
        this.leadTimes = leadTimes;
        this.github = github;
        this.clock = clock;
    }

    JobResult<Ref> run(Ref ref) {
        Optional<LeadTimes.Pair> found = leadTimes.pair(ref.id());
        if (found.isEmpty()) return JobResult.done();
        LeadTimes.Pair pair = found.get();
        leadTimes.store(pair.id(), pair.previousSha(), change(pair), clock.instant());
        return JobResult.done();
    }

    private Shipment.Change change(LeadTimes.Pair pair) {
        if (pair.sha() == null) return Shipment.Change.UNKNOWN;
        if (pair.previousSha() == null || pair.previousSha().equals(pair.sha())) return Shipment.Change.NOTHING_NEW;
        if (github.isEmpty()) return Shipment.Change.UNKNOWN;
        try {
            GHCompare compare = github.get().client().getRepository(pair.repository()).getCompare(pair.previousSha(), pair.sha());
            if (compare.getAheadBy() == 0) return Shipment.Change.NOTHING_NEW;
            Instant oldest = null;
            for (GHCompare.Commit commit : compare.getCommits()) {
                GitUser author = commit.getCommit() == null ? null : commit.getCommit().getAuthor();
                Date authored = author == null ? null : author.getDate();
                if (authored != null && (oldest == null || authored.toInstant().isBefore(oldest))) oldest = authored.toInstant();
            }
            return oldest == null ? Shipment.Change.UNKNOWN : Shipment.Change.commits(compare.getAheadBy(), oldest);
        } catch (GHFileNotFoundException unknownCommit) {
            return Shipment.Change.UNKNOWN;
        } catch (IOException e) {
            throw new TransientFailure("GitHub did not compare " + pair.repository() + " (" + e.getMessage() + ")", e);
        }
    }
}
