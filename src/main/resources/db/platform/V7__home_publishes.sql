-- Platform v7: when each person's Home tab may be published again, shared by every replica (the per-person throttle).
create table home_publishes (
    user_id       varchar(64) primary key,
    next_allowed  timestamp with time zone not null
);
