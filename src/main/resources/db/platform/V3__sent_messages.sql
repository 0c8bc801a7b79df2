-- Platform v3: each Slack message a delivery sent, so that a delivery run again after a crash does not send it twice.

-- A delivery job's Slack messages that Slack accepted (key: the job's id and the message's number), with the ts Slack
-- gave a posted message: a delivery run again after a crash sends only what had not arrived.
create table sent_messages (
    message_key  varchar(250) primary key,
    channel_id   varchar(64),
    ts           varchar(32),
    sent_at      timestamp with time zone not null
);
create index sent_messages_sent_at on sent_messages (sent_at);
