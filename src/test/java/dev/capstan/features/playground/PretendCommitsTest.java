package dev.capstan.features.playground;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pretend GitHub's one history: every spelling of a ref is one commit, and comparisons follow the history. */
class PretendCommitsTest {
    private final PretendCommits commits = new PretendCommits();

    private String sha(String ref) {
        return commits.resolve(ref).orElseThrow().sha();
    }

    @Test
    void aTagOrBranchIsOneCommitHoweverItIsSpeltAndItsShaResolvesToItself() {
        assertThat(sha("v1.1.0")).isEqualTo(sha("tags/v1.1.0")).isEqualTo(sha("refs/tags/v1.1.0")).isNotEqualTo(sha("v1.0.0"));
        assertThat(sha("feature-x")).isEqualTo(sha("refs/heads/feature-x")).isNotEqualTo(sha("main"));
        assertThat(sha(sha("v1.0.0"))).isEqualTo(sha("v1.0.0"));
        assertThat(sha(sha("feature-x"))).isEqualTo(sha("feature-x"));
        assertThat(commits.resolve("0".repeat(40))).isEmpty();
    }

    @Test
    void comparisonsFollowTheHistory() {
        PretendCommits.Comparison forward = commits.compare(sha("v1.0.0"), "v1.1.0").orElseThrow();
        assertThat(forward.status()).isEqualTo("ahead");
        assertThat(forward.commits()).extracting(PretendCommits.Commit::author).containsExactly("ada", "leo");
        PretendCommits.Comparison back = commits.compare("v1.1.0", "v1.0.0").orElseThrow();
        assertThat(back.status()).isEqualTo("behind");
        assertThat(back.behindBy()).isEqualTo(2);
        assertThat(commits.compare("feature-x", "feature-y").orElseThrow().status()).isEqualTo("diverged");
        assertThat(commits.compare("main", "feature-x").orElseThrow().aheadBy()).isEqualTo(1);
    }
}
