package dev.capstan.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
    private static CommandTraits declared(Role role) {
        return new CommandTraits(role, false);
    }

    private static AccessRule rule(String command, Role role, Set<String> allowUsers, Set<String> denyUsers,
                                   Set<String> allowChannels, Set<String> denyChannels) {
        return new AccessRule(command, role, allowUsers, denyUsers, allowChannels, denyChannels);
    }

    private final Caller member = new Caller("UMEMBER", "CGENERAL", Role.MEMBER);
    private final Caller lead = new Caller("ULEAD", "CGENERAL", Role.TEAM_LEAD);

    @Test
    void theDeclaredRoleDecidesWithoutRules() {
        AccessPolicy policy = new AccessPolicy(List.of());
        assertThat(policy.decide(member, "team create", declared(Role.TEAM_LEAD)).allowed()).isFalse();
        assertThat(policy.decide(lead, "team create", declared(Role.TEAM_LEAD)).allowed()).isTrue();
    }

    @Test
    void anUndeclaredCommandIsDeniedByDefault() {
        AccessDecision decision = new AccessPolicy(List.of()).decide(lead, "mystery", null);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("deny by default");
    }

    @Test
    void theMostSpecificRuleRoleWins() {
        AccessPolicy policy = new AccessPolicy(List.of(
                rule("timereport", Role.ADMIN, null, null, null, null),
                rule("timereport list", Role.MEMBER, null, null, null, null)));
        assertThat(policy.decide(member, "timereport list", declared(Role.TEAM_LEAD)).allowed()).isTrue();
        assertThat(policy.decide(lead, "timereport add", declared(Role.MEMBER)).allowed()).isFalse();
    }

    @Test
    void aDenyAnywhereBeatsAnAllowByName() {
        AccessPolicy policy = new AccessPolicy(List.of(
                rule("*", null, null, Set.of("UMEMBER"), null, null),
                rule("whoami", null, Set.of("UMEMBER"), null, null, null)));
        AccessDecision decision = policy.decide(member, "whoami", declared(Role.MEMBER));
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("`*` denies you");
    }

    @Test
    void aChannelRestrictionNamesTheAllowedChannels() {
        AccessPolicy policy = new AccessPolicy(List.of(rule("deploy", null, null, null, Set.of("CDEPLOY"), null)));
        AccessDecision decision = policy.decide(member, "deploy prod", declared(Role.MEMBER));
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("<#CDEPLOY>");
        assertThat(policy.decide(new Caller("UMEMBER", "CDEPLOY", Role.MEMBER), "deploy prod", declared(Role.MEMBER)).allowed()).isTrue();
    }

    @Test
    void aRuleForOneCommandDoesNotTouchAnotherWithTheSamePrefix() {
        AccessPolicy policy = new AccessPolicy(List.of(rule("team", Role.ADMIN, null, null, null, null)));
        assertThat(policy.decide(member, "teams", declared(Role.MEMBER)).allowed()).isTrue();
    }

    @Test
    void aCommandsOwnGuardDeniesWithItsReasonEvenWhereTheRulesAllow() {
        CommandTraits guarded = new CommandTraits(Role.MEMBER, false,
                caller -> caller.channelId().equals("COPS") ? java.util.Optional.empty() : java.util.Optional.of("it runs only in <#COPS>"));
        AccessPolicy policy = new AccessPolicy(List.of(rule("restart", null, Set.of("UMEMBER"), null, null, null)));

        AccessDecision elsewhere = policy.decide(member, "restart", guarded);
        assertThat(elsewhere.allowed()).isFalse();
        assertThat(elsewhere.reason()).isEqualTo("it runs only in <#COPS>");
        assertThat(policy.allows(member, "restart", guarded)).isFalse();
        assertThat(policy.allows(new Caller("UMEMBER", "COPS", Role.MEMBER), "restart", guarded)).isTrue();
    }

    @Test
    void aFamilyInstalledWholeReplacesTheOldOneAndCanBeRemovedAgain() {
        Commands commands = new Commands();
        commands.family("whoami", "Who you are.");
        Family first = commands.prepare("restart", "Restart a service");
        commands.install(first);
        Family second = commands.prepare("restart", "Restart a service, again");
        commands.install(second);

        assertThat(commands.find("restart")).isSameAs(second);
        assertThat(commands.remove("restart")).isTrue();
        assertThat(commands.find("restart")).isNull();
        assertThat(commands.families()).extracting(Family::name).containsExactly("whoami");
    }
}
