package dev.capstan.features.directory;

import dev.capstan.features.Feature;
import dev.capstan.features.FeatureContext;
import dev.capstan.features.directory.drive.DriveFolders;
import dev.capstan.features.directory.drive.ServiceAccount;
import dev.capstan.github.GitHubApp;
import dev.capstan.github.GitHubAppSettings;
import dev.capstan.jobs.RecurringJob;
import dev.capstan.store.DeliveryLog;
import dev.capstan.store.PeopleStore;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The directory family (Rocket 2 and beyond): profiles, teams and their GitHub teams, karma, email export. */
public final class Directory implements Feature {

    @Override
    public void register(FeatureContext context) {
        DirectorySettings settings = DirectorySettings.from(context.settings("directory"));
        Profiles profiles = new Profiles(context.jdbi(), context.clock());
        Teams teams = new Teams(context.jdbi(), context.clock());
        PeopleStore people = context.people();
        GitHubAccess github = new GitHubAccess(GitHubAppSettings.from(context::env)
                .map(s -> (OrgGitHub) new HubOrgGitHub(new GitHubApp(s))));
        RoleSync roles = new RoleSync(people, teams, settings);
        Services services = new Services(profiles, teams, new Karma(context.jdbi()), people, github,
                new TeamMembers(profiles, teams, github, roles), new Permissions(teams), context.slack());

        TeamReconciler reconciler = new TeamReconciler(profiles, teams, roles);
        context.commands().family("user", "Your profile in the team directory.")
                .add(() -> new AddUser(services)).add(() -> new ViewUser(services))
                .add(() -> new EditUser(services)).add(() -> new DeleteUser(services));
        context.commands().family("team", "Teams and their GitHub teams.")
                .add(() -> new ListTeams(services)).add(() -> new ViewTeam(services))
                .add(() -> new CreateTeam(services)).add(() -> new AddMember(services))
                .add(() -> new RemoveMember(services)).add(() -> new LeadTeam(services))
                .add(() -> new EditTeam(services)).add(() -> new DeleteTeam(services))
                .add(() -> new RefreshTeams(services, reconciler));
        context.commands().family("karma", "Thank people with karma points.")
                .add(() -> new GiveKarma(services)).add(() -> new ViewKarma(services))
                .add(() -> new SetKarma(services)).add(() -> new ResetKarma(services));
        context.commands().family("export", "Export directory data.")
                .add(() -> new ExportEmails(services));
        context.commands().requireScopes("users:read", "users:read.email", "channels:read");
        context.commands().shorthand(KarmaShorthand::rewrite);
        context.commands().whoamiFact(userId -> whoami(services, userId));
        context.confirmations().register(DeleteTeam.CONFIRMED, DeleteTeam.Deletion.class, true,
                (ctx, deletion) -> DeleteTeam.confirmed(services, roles, ctx, deletion));

        Welcome welcome = new Welcome(profiles, people, context.outbox());
        context.events().on("team_join", welcome::handle);
        context.route("POST", "/github/webhook", new GitHubWebhook(context.env("GITHUB_WEBHOOK_SECRET"), context.jdbi(),
                new DeliveryLog(context.jdbi(), context.clock()), new WebhookSync(profiles, teams, roles)));
        String serviceAccount = context.env("GOOGLE_SERVICE_ACCOUNT_JSON");
        if (serviceAccount != null) {
            HttpClient http = HttpClient.newHttpClient();
            DriveFolders drive = new DriveFolders(settings.drive().apiUrl(),
                    ServiceAccount.fromJson(serviceAccount, http, context.clock()), http);
            context.schedule(new RecurringJob("directory-drive-sharing", settings.drive().syncCron(), ZoneOffset.UTC,
                    new DriveSharing(teams, profiles, drive, settings.drive().role())));
        }
        settings.featured().ifPresent(weekly -> context.schedule(new RecurringJob("directory-featured-channel", weekly.cron(),
                weekly.zone(), new FeaturedChannel(context.slack(), context.outbox(), weekly.channel(), new SecureRandom()))));
    }

    private static List<String> whoami(Services services, String userId) {
        List<String> lines = new ArrayList<>();
        Optional<Profile> profile = services.profiles().find(userId);
        if (profile.isEmpty()) {
            lines.add("Directory: not registered (`/capstan user add`)");
            return lines;
        }
        lines.add("GitHub: " + (profile.get().githubLogin() == null ? "not linked" : "`" + profile.get().githubLogin() + "`"));
        List<Membership> memberships = services.teams().membershipsOf(userId);
        lines.add("Teams: " + (memberships.isEmpty() ? "none" : String.join(", ", memberships.stream()
                .map(m -> "`" + m.teamName() + "`" + (m.lead() ? " (lead)" : "")).toList())));
        return lines;
    }
}
