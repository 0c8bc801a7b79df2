-- Concurrency keys of declared commands: one run per key at a time, across replicas. A row is the run holding the key;
-- it is deleted when the run ends, and a key whose run vanished frees itself at expires_at.
create table command_locks (
    lock_key     varchar(300) primary key,
    run_id       varchar(64)  not null,
    command      varchar(64)  not null,
    user_id      varchar(32)  not null,
    acquired_at  timestamp with time zone not null,
    expires_at   timestamp with time zone not null
);
