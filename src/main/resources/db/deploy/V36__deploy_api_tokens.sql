-- Bearer tokens for the deploy family's REST API (/api/deploy/stats), stored as SHA-256 hashes only.
create table deploy_api_tokens (
    name        varchar(64) primary key,
    token_hash  varchar(64) not null,
    created_by  varchar(32) not null,
    created_at  timestamp with time zone not null
);
