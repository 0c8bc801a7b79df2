-- The allow-list fetched over HTTPS: the last good list of each source and its ETag, shared by every replica.
create table flush_allow_lists (
    source      varchar(2000)    primary key,
    member_ids  varchar(1000000) not null,
    etag        varchar(1000),
    fetched_at  timestamp with time zone not null,
    checked_at  timestamp with time zone not null
);
