package dev.capstan.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Least role, or one of these users": who is let in, and how the grant says so in help and refusals. */
class GrantTest {
    @Test
    void aGrantLetsInThoseWithTheLeastRoleOrAboveAndThePeopleItNames() {
        Grant grant = Grant.of(Role.TEAM_LEAD, List.of("UALICE01", "UBOB00001"));

        assertThat(grant.allows("UCAROL001", Role.ADMIN)).isTrue();
        assertThat(grant.allows("UCAROL001", Role.TEAM_LEAD)).isTrue();
        assertThat(grant.allows("UCAROL001", Role.MEMBER)).isFalse();
        assertThat(grant.allows("UBOB00001", Role.MEMBER)).isTrue();
        assertThat(grant.allows(null, Role.MEMBER)).isFalse();
    }

    @Test
    void aGrantOfPeopleOnlyLetsInNoRoleNotEvenAdmins() {
        Grant grant = Grant.of(null, List.of("UALICE01"));

        assertThat(grant.allows("UADMIN001", Role.ADMIN)).isFalse();
        assertThat(grant.allows("UALICE01", Role.MEMBER)).isTrue();
    }

    @Test
    void aGrantSaysWhoItLetsInAsANounAndWhatARefusedCallerNeeds() {
        Grant both = Grant.of(Role.TEAM_LEAD, List.of("UALICE01", "UBOB00001", "UALICE01"));

        assertThat(both.who()).isEqualTo("someone with role team_lead or above, or <@UALICE01>, <@UBOB00001>");
        assertThat(both.needs()).isEqualTo("role team_lead or to be one of <@UALICE01>, <@UBOB00001>");
        assertThat(Grant.role(Role.ADMIN).who()).isEqualTo("someone with role admin");
        assertThat(Grant.role(Role.ADMIN).needs()).isEqualTo("role admin");
        assertThat(Grant.of(null, List.of("UALICE01")).needs()).isEqualTo("to be one of <@UALICE01>");
        assertThat(new Grant(null, null).who()).isEqualTo("nobody");
        assertThat(new Grant(null, null).empty()).isTrue();
    }
}
