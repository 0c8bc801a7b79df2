-- Jobs at an instant (deadlines, cron schedules): db-scheduler's table again, read by a scheduler on Capstan's clock.
create table scheduled_deadlines (
    task_name            varchar(100)  not null,
    task_instance        varchar(200)  not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean       not null,
    picked_by            varchar(100),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint        not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_deadlines_execution_time_idx on scheduled_deadlines (execution_time);
create index scheduled_deadlines_last_heartbeat_idx on scheduled_deadlines (last_heartbeat);
create index scheduled_deadlines_priority_execution_time_idx on scheduled_deadlines (priority desc, execution_time asc);
-- The cron schedules now live here and are scheduled again at start; their rows in the other table would be unknown there.
delete from scheduled_tasks where task_instance = 'recurring';
