package dev.capstan.features.directory;

import dev.capstan.http.HostAllowList;
import dev.capstan.http.HttpPolicy;
import dev.capstan.http.HttpUrl;
import dev.capstan.http.OutboundClient;
import dev.capstan.jobs.RecurringJob;
import dev.capstan.platform.Feature;
import dev.capstan.platform.FeatureContext;
import dev.capstan.store.PeopleStore;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The directory family (Rocket 2 and beyond): profiles, teams and their GitHub teams, karma, email export. */
public final class Directory implements Feature {
    /** V20 to V29. */
    static final int MIGRATIONS = 20;

    @Override
    public String name() {
        return "directory";
    }

    @Override
    public void register(FeatureContext context) {
        DirectorySettings settings = context.settings(DirectorySettings.class);
        context.migrations(MIGRATIONS);
        Profiles profiles = new Profiles(context.jdbi(), context.identities(), context.clock());
        Teams teams = new Teams(context.jdbi(), context.clock());
        PeopleStore people = context.people();
        GitHubAccess github = new GitHubAccess(context.github().map(app -> (OrgGitHub) new HubOrgGitHub(app)));
        RoleSync roles = new RoleSync(people, teams, settings);
        Permissions permissions = new Permissions(teams);
        DefaultTeam defaultTeam = new DefaultTeam(context.variable("GITHUB_DEFAULT_TEAM_NAME",
                "the GitHub team everyone with a linked GitHub login is in (default: all)"));
        Services services = new Services(profiles, teams, new Karma(context.jdbi(), context::homeChanged), people, github,
                new TeamMembers(profiles, teams, github, roles), permissions, context.slack(),
                new Projects(context.jdbi(), context.clock()), new ProjectAccess(teams, github, permissions, settings.projectGrant()),
                defaultTeam);
        Notices notices = new Notices(notificationChannel(context), context.outbox(), context.slack());

        TeamReconciler reconciler = new TeamReconciler(profiles, teams, roles);
        context.family("user", "Your profile in the team directory.")
                .add(() -> new AddUser(services)).add(() -> new ViewUser(services))
                .add(() -> new EditUser(services)).add(() -> new DeleteUser(services));
        context.family("team", "Teams and their GitHub teams.")
                .add(() -> new ListTeams(services)).add(() -> new ViewTeam(services))
                .add(() -> new CreateTeam(services)).add(() -> new AddMember(services))
                .add(() -> new RemoveMember(services)).add(() -> new LeadTeam(services))
                .add(() -> new EditTeam(services)).add(() -> new DeleteTeam(services))
                .add(() -> new RefreshTeams(services, reconciler));
        context.family("project", "Projects: GitHub repositories and the teams working on them.")
                .add(() -> new ListProjects(services)).add(() -> new ViewProject(services))
                .add(() -> new CreateProject(services)).add(() -> new AssignProject(services))
                .add(() -> new UnassignProject(services)).add(() -> new EditProject(services))
                .add(() -> new DeleteProject(services));
        context.family("karma", "Thank people with karma points.")
                .add(() -> new GiveKarma(services)).add(() -> new ViewKarma(services))
                .add(() -> new SetKarma(services)).add(() -> new ResetKarma(services));
        context.family("export", "Export directory data.")
                .add(() -> new ExportEmails(services));
        context.topic("directory", "user", "team", "karma", "export");
        context.requireScopes("users:read", "users:read.email", "channels:read");
        context.shorthand(KarmaShorthand::rewrite);
        context.whoamiFact(userId -> whoami(services, userId));
        context.homeSection(new DirectoryHome(services));
        context.confirmation(DeleteTeam.CONFIRMED, true,
                (ctx, deletion) -> DeleteTeam.confirmed(services, roles, ctx, deletion));

        Welcome welcome = new Welcome(profiles, people, context.outbox());
        context.onEvent("team_join", welcome::handle);
        WebhookSync sync = new WebhookSync(profiles, teams, roles, notices);
        for (String event : WebhookSync.EVENTS) context.onWebhook("github", event, webhook -> sync.apply(webhook.event(), webhook.body()));
        String serviceAccount = Optional.ofNullable(context.secret("GOOGLE_SERVICE_ACCOUNT_JSON",
                "a Google service account's JSON key, for sharing team Drive folders")).orElse(context.secret(
                "GCP_SERVICE_ACCOUNT_CREDENTIALS", "Rocket 2's name for GOOGLE_SERVICE_ACCOUNT_JSON, also read"));
        String subject = context.variable("GCP_SERVICE_ACCOUNT_SUBJECT",
                "the Google Workspace user the Drive service account acts for (domain-wide delegation); unset: itself");
        if (serviceAccount != null) {
            String tokenUri = ServiceAccount.tokenUri(serviceAccount);
            OutboundClient http = context.http("drive", HttpPolicy.standard(HostAllowList.of(
                    settings.drive().apiUrl().host(), HttpUrl.parse(tokenUri).host())));
            DriveFolders drive = new DriveFolders(settings.drive().apiUrl().toString(), ServiceAccount.fromJson(serviceAccount, subject, http, context.clock()), http);
            context.schedule(new RecurringJob("directory-drive-sharing", settings.drive().syncCron().expression(), ZoneOffset.UTC,
                    new DriveSharing(teams, profiles, drive, settings.drive().role(), notices)));
        }
        settings.featured().ifPresent(weekly -> context.schedule(new RecurringJob("directory-featured-channel", weekly.cron(),
                weekly.zone(), new FeaturedChannel(context.slack(), context.outbox(), weekly.channel().id(), new SecureRandom()))));
    }

    /** SLACK_NOTIFICATION_CHANNEL, or Rocket 2's own spelling SLACK_NOFICIATION_CHANNEL, so an old environment file works. */
    private static String notificationChannel(FeatureContext context) {
        String channel = context.variable("SLACK_NOTIFICATION_CHANNEL",
                "where directory service notices go (a channel id or #name): changes from GitHub webhooks, sync problems");
        String misspelt = context.variable("SLACK_NOFICIATION_CHANNEL", "Rocket 2's spelling of SLACK_NOTIFICATION_CHANNEL, also read");
        return channel != null ? channel : misspelt;
    }

    private static List<String> whoami(Services services, String userId) {
        List<String> lines = new ArrayList<>();
        Optional<Profile> profile = services.profiles().find(userId);
        if (profile.isEmpty()) {
            lines.add("Directory: not registered (`/capstan user add`)");
            return lines;
        }
        List<Membership> memberships = services.teams().membershipsOf(userId);
        lines.add("Teams: " + (memberships.isEmpty() ? "none" : String.join(", ", memberships.stream()
                .map(m -> "`" + m.teamName() + "`" + (m.lead() ? " (lead)" : "")).toList())));
        return lines;
    }
}
