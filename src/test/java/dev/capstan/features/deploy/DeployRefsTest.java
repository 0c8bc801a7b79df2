package dev.capstan.features.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.command.UserError;
import org.junit.jupiter.api.Test;

/** How typed refs are read and which environment patterns match them. */
class DeployRefsTest {
    @Test
    void aRefKeepsItsCaseAndIsReadAsABranchATagOrAWholeRef() {
        assertThat(GitRef.parse("Feature/Login").full()).isEqualTo("refs/heads/Feature/Login");
        assertThat(GitRef.parse("v1.0.0").full()).isEqualTo("refs/tags/v1.0.0");
        assertThat(GitRef.parse("2024.1").full()).isEqualTo("refs/tags/2024.1");
        assertThat(GitRef.parse("tags/Release-A").full()).isEqualTo("refs/tags/Release-A");
        assertThat(GitRef.parse("heads/1-fix").full()).isEqualTo("refs/heads/1-fix");
        assertThat(GitRef.parse("refs/pull/7/head").full()).isEqualTo("refs/pull/7/head");
        assertThat(GitRef.parse("refs/tags/v2").kind()).isEqualTo(GitRef.RefType.TAG);
        assertThat(GitRef.parse("a".repeat(40).replace('a', 'b')).kind()).isEqualTo(GitRef.RefType.OTHER);
    }

    @Test
    void namesGitCannotHaveAreRefused() {
        for (String bad : new String[] {"a..b", "x~1", "has space", "ends/", "a.lock", "what?", ""}) {
            assertThatThrownBy(() -> GitRef.parse(bad)).as(bad).isInstanceOf(UserError.class);
        }
    }

    @Test
    void aGlobsStarAlsoMatchesSlashesAndTagPatternsMatchOnlyTags() {
        assertThat(RefPattern.parse("release*").matches(GitRef.parse("release/1.2"))).isTrue();
        assertThat(RefPattern.parse("release*").matches(GitRef.parse("tags/release-1"))).isFalse();
        assertThat(RefPattern.parse("tags/v*").matches(GitRef.parse("v1.0.0"))).isTrue();
        assertThat(RefPattern.parse("tags/v*").matches(GitRef.parse("heads/v1"))).isFalse();
        assertThat(RefPattern.parse("tags/[0-9]*").matches(GitRef.parse("2024.1"))).isTrue();
        assertThat(RefPattern.parse("main").matches(GitRef.parse("main-2"))).isFalse();
        assertThat(RefPattern.parse("/^hotfix-[0-9]+$/").matches(GitRef.parse("hotfix-12"))).isTrue();
        assertThat(RefPattern.parse("/^hotfix-[0-9]+$/").matches(GitRef.parse("hotfix-x"))).isFalse();
    }
}
