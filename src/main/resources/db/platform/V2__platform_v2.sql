-- Platform v2: audit of every kind of request, idempotent jobs, updatable Slack messages, one GitHub identity per person.

alter table audit_log add column kind varchar(16) not null default 'command';
alter table audit_log alter column user_id drop not null;
create index audit_log_kind_id on audit_log (kind, id);

-- Idempotency keys of jobs ever enqueued with one: the same work enqueued twice runs once.
create table job_keys (
    task_name   varchar(100) not null,
    job_key     varchar(200) not null,
    created_at  timestamp with time zone not null,
    primary key (task_name, job_key)
);
create index job_keys_created_at on job_keys (created_at);

-- What became of each inbound delivery: the event it carried and how it was answered.
alter table inbound_deliveries add column event varchar(100);
alter table inbound_deliveries add column outcome varchar(200);
create index inbound_deliveries_received_at on inbound_deliveries (received_at);

-- Messages a family keeps and updates in place: the version asked for last and the version Slack shows.
create table slack_messages (
    message_key      varchar(200)    primary key,
    channel_id       varchar(32)     not null,
    ts               varchar(32),
    wanted_version   bigint          not null,
    wanted_reply     varchar(200000) not null,
    shown_version    bigint          not null default 0,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);

-- One GitHub identity per person, shared by every family (directory profiles, deployments).
create table github_identities (
    user_id     varchar(32)  primary key,
    login       varchar(100) not null,
    login_key   varchar(100) not null,
    github_id   bigint,
    linked_at   timestamp with time zone not null
);
create unique index github_identities_login on github_identities (login_key);
