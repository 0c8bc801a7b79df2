-- Delivery metrics: what each successful deployment brought out (GitHub's compare with the previous success of its
-- environment, fetched by a job once it succeeded), and the trend charts Slack fetches by an unguessable id.

-- outcome: 'commits' (first_commit_at is the oldest commit's author date), 'none' (a first deployment, the same commit
-- again, or a rollback: nothing new went out) or 'unknown' (GitHub could not compare the two).
create table deploy_lead_times (
    deployment_id    bigint       primary key,
    base_sha         varchar(64),
    outcome          varchar(8)   not null,
    commits          integer      not null,
    first_commit_at  timestamp with time zone,
    fetched_at       timestamp with time zone not null
);

-- A rendered trend chart (PNG, base64), served at /deploy/charts/<id>.png until it is a week old.
create table deploy_stats_charts (
    id          varchar(64)  primary key,
    png         varchar(400000) not null,
    created_at  timestamp with time zone not null
);
create index deploy_stats_charts_age on deploy_stats_charts (created_at);
