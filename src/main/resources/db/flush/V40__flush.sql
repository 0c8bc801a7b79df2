-- Cache flush: each purge asked for, what each call to the CDN answered, and the rate budgets every replica shares.
-- Portable SQL: the same file runs on H2 (PostgreSQL mode) and PostgreSQL.

create table flush_purges (
    id            varchar(36)     primary key,
    site          varchar(64)     not null,
    kind          varchar(16)     not null,
    mode          varchar(16)     not null,
    targets       varchar(5000000) not null,
    target_count  integer         not null,
    requested_by  varchar(32)     not null,
    requested_at  timestamp with time zone not null,
    view_id       varchar(64),
    outcome       varchar(16),
    finished_at   timestamp with time zone
);
create index flush_purges_requested_at on flush_purges (requested_at);

create table flush_calls (
    purge_id           varchar(36)   not null,
    call_no            integer       not null,
    accepted           boolean       not null,
    http_status        integer       not null,
    detail             varchar(2000),
    support_id         varchar(200),
    purge_ids          varchar(4000),
    estimated_seconds  integer,
    primary key (purge_id, call_no)
);

create table flush_rate_buckets (
    bucket       varchar(64)       primary key,
    tokens       double precision  not null,
    refilled_at  timestamp with time zone not null
);
