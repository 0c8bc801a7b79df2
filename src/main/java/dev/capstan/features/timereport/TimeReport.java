package dev.capstan.features.timereport;

import dev.capstan.command.Reply;
import dev.capstan.store.ApiTokens;
import dev.capstan.platform.Feature;
import dev.capstan.platform.Declarations;
import dev.capstan.platform.FeatureContext;
import dev.capstan.jobs.RecurringJob;

/** The time reporting family ({@code /timereport}): report absences and worked time, lock months, remind, export, REST API. */
public final class TimeReport implements Feature {
    public static final String FAMILY = "timereport";
    /** V10 to V19. */
    static final int MIGRATIONS = 10;

    @Override
    public String name() {
        return FAMILY;
    }

    @Override
    public void register(FeatureContext context) {
        TimeReportSettings settings = context.settings(TimeReportSettings.class);
        context.migrations(MIGRATIONS);
        TimeEntries entries = new TimeEntries(context.jdbi(), context.clock());
        MonthLocks locks = new MonthLocks(context.jdbi(), context.clock(), context::homeChanged);
        TimeReportServices services = new TimeReportServices(settings, new WorkCalendar(settings.country()), entries, locks,
                new TimeWrites(context.jdbi(), entries, locks, context::homeChanged), new ApiTokens(context.jdbi(), context.clock(), "timereport_tokens", "ctr_"));
        context.requireScopes(ExportTime.SCOPE);
        AddTimeForm form = new AddTimeForm(services, context.slack());
        context.homeSection(new TimeReportHome(services, context.clock()));
        context.onClick(TimeReportHome.ADD_ACTION, click -> form.open(click.triggerId(), services.today(context.clock()))
                .map(error -> Reply.text(":warning: The form did not open (" + error + "); type `/timereport add` instead."))
                .orElse(null));
        context.onSubmit(AddTimeForm.CALLBACK_ID, new AddTimeSubmission(services, context.outbox()));
        context.family(FAMILY, "Report absences and worked time, lock months, export.").ownSlashCommand()
                .add(() -> new AddTime(services, form))
                .add(() -> new EditTime(services))
                .add(() -> new DeleteTime(services))
                .add(() -> new ListTime(services))
                .add(() -> new LockMonth(services))
                .add(() -> new ListLocks(services))
                .add(() -> new UnlockMonth(services))
                .add(() -> new ExportTime(services, context.slack()))
                .add(() -> new TokenCommands.Create(services.tokens()))
                .add(() -> new TokenCommands.ListAll(services.tokens()))
                .add(() -> new TokenCommands.Revoke(services.tokens()));
        new TimeReportApi(services, context.clock()).register(context);
        ConfirmedWrites.register(context, services.writes());
        LockReminder reminder = new LockReminder(services, context.outbox(), context.clock());
        context.schedule(new RecurringJob("timereport-lock-reminder", settings.reminderCron(), settings.zone(), reminder));
    }
}
