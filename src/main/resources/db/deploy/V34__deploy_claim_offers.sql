-- Who was offered, on joining a channel bound to a repository, the buttons to say who they are on GitHub: once each.
create table deploy_claim_offers (
    channel_id  varchar(32) not null,
    user_id     varchar(32) not null,
    offered_at  timestamp with time zone not null,
    primary key (channel_id, user_id)
);
