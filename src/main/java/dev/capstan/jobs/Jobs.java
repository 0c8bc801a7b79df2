package dev.capstan.jobs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.capstan.command.AuditLog;
import dev.capstan.command.CommandPipeline;
import dev.capstan.command.Confirmations;
import dev.capstan.command.Destination;
import dev.capstan.command.Invocation;
import dev.capstan.command.JobQueue;
import dev.capstan.command.Outbox;
import dev.capstan.command.Reply;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable jobs on db-scheduler, in the same database: slow commands, slow confirmed actions, reply deliveries
 * and the families' schedules. A job whose replica died is revived on a live one; failures retry with backoff.
 */
public final class Jobs implements JobQueue, Outbox, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    public record CommandJob(Invocation invocation, long auditId) { }

    public record ConfirmationJob(String pendingActionId, String ownerId, String responseUrl, Instant clickedAt) {
        Destination destination() {
            return new Destination.ResponseUrl(responseUrl, ownerId, clickedAt);
        }
    }

    public record DeliveryJob(Destination destination, Reply reply, int skipMessages) { }

    private final Scheduler scheduler;
    private final OneTimeTask<CommandJob> commandTask;
    private final OneTimeTask<ConfirmationJob> confirmationTask;
    private final OneTimeTask<DeliveryJob> deliveryTask;

    public Jobs(DataSource dataSource, JobSettings settings, CommandPipeline pipeline, Confirmations confirmations,
                AuditLog audit, ReplySender sender, List<RecurringJob> recurring, MeterRegistry metrics) {
        this.deliveryTask = Tasks.oneTime("deliver-reply", DeliveryJob.class)
                .onFailure(retries(settings, (job, attempts) ->
                        log.error("Gave up delivering a reply to {} after {} attempts", describe(job.destination()), attempts)))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    try {
                        sender.send(instance.getData().destination(), instance.getData().reply(), instance.getData().skipMessages());
                        metrics.counter("capstan.replies.delivered").increment();
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
        this.commandTask = Tasks.oneTime("slow-command", CommandJob.class)
                .onFailure(retries(settings, (job, attempts) -> {
                    audit.complete(job.auditId(), "error: gave up after " + attempts + " attempts", 0);
                    send(responseUrl(job.invocation()), Reply.text(":warning: I gave up on `" + job.invocation().slashCommand()
                            + " " + job.invocation().text() + "` after " + attempts + " attempts. Please try again later."));
                }))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    CommandJob job = instance.getData();
                    Reply reply = pipeline.runQueued(job.invocation(), job.auditId());
                    metrics.counter("capstan.jobs.commands").increment();
                    send(responseUrl(job.invocation()), reply);
                });
        this.confirmationTask = Tasks.oneTime("confirmed-action", ConfirmationJob.class)
                .onFailure(retries(settings, (job, attempts) -> {
                    log.error("Gave up on confirmed action {} after {} attempts", job.pendingActionId(), attempts);
                    send(job.destination(), confirmations.gaveUp(job.pendingActionId(), attempts).replacingOriginal());
                }))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    ConfirmationJob job = instance.getData();
                    send(job.destination(), confirmations.runConfirmed(job.pendingActionId()).replacingOriginal());
                });
        List<Task<?>> oneTime = List.of(commandTask, confirmationTask, deliveryTask);
        List<RecurringTask<Void>> schedules = new ArrayList<>();
        for (RecurringJob job : recurring) {
            schedules.add(Tasks.recurring(job.name(), Schedules.cron(job.cron(), job.zone()))
                    .execute((instance, context) -> job.work().run()));
        }
        this.scheduler = Scheduler.create(dataSource, oneTime)
                .startTasks(schedules)
                .serializer(new JacksonSerializer(mapper -> mapper.registerModule(new JavaTimeModule())
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)))
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .threads(settings.threads())
                .schedulerName(new SchedulerName.Fixed(replicaName()))
                .enableImmediateExecution()
                .alwaysPersistTimestampInUTC()
                .build();
    }

    public void start() {
        scheduler.start();
    }

    /** Started and not shutting down: part of what /readyz reports. */
    public boolean running() {
        var state = scheduler.getSchedulerState();
        return state.isStarted() && !state.isShuttingDown();
    }

    @Override
    public void close() {
        scheduler.stop();
    }

    @Override
    public void enqueueCommand(String jobId, Invocation invocation, long auditId) {
        scheduler.schedule(commandTask.instance(jobId, new CommandJob(invocation, auditId)), Instant.now());
    }

    @Override
    public void enqueueConfirmation(String pendingActionId, String ownerId, String responseUrl, Instant clickedAt) {
        scheduler.schedule(confirmationTask.instance(pendingActionId,
                new ConfirmationJob(pendingActionId, ownerId, responseUrl, clickedAt)), Instant.now());
    }

    @Override
    public void send(Destination destination, Reply reply) {
        sendRest(destination, reply, 0);
    }

    /** Sends what did not fit into an ack: the reply's Slack messages after the first {@code skipMessages}. */
    public void sendRest(Destination destination, Reply reply, int skipMessages) {
        scheduler.schedule(deliveryTask.instance(UUID.randomUUID().toString(),
                new DeliveryJob(destination, reply, skipMessages)), Instant.now());
    }

    private static Destination responseUrl(Invocation invocation) {
        return new Destination.ResponseUrl(invocation.responseUrl(), invocation.userId(), invocation.receivedAt());
    }

    private interface GaveUp<T> {
        void accept(T data, int attempts);
    }

    /** Retries with exponential backoff; past the last retry db-scheduler removes the job, then {@code gaveUp} runs. */
    @SuppressWarnings("unchecked")
    private static <T> FailureHandler<T> retries(JobSettings settings, GaveUp<T> gaveUp) {
        return new FailureHandler.MaxRetriesFailureHandler<>(settings.maxRetries(),
                new FailureHandler.ExponentialBackoffFailureHandler<>(settings.firstRetryDelay()),
                (complete, operations) -> {
                    T data = (T) complete.getExecution().taskInstance.getData();
                    gaveUp.accept(data, complete.getExecution().consecutiveFailures + 1);
                });
    }

    private static String describe(Destination destination) {
        if (destination instanceof Destination.DirectMessage dm) return "user " + dm.userId();
        if (destination instanceof Destination.Channel channel) return "channel " + channel.channelId();
        return "a response_url";
    }

    private static String replicaName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "capstan";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
