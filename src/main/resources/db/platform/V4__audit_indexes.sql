-- Platform v4: indexes that keep every audit query fast however long the log grows.

-- audit --command NAME matches NAME and every command under it. A LIKE 'name %' cannot use an index well, so each
-- entry keeps its command's first word (the family) and first two words (the group), each with its own index.
alter table audit_log add column family varchar(200);
alter table audit_log add column command_group varchar(200);
update audit_log set family = case when position(' ' in command) > 0
        then substring(command from 1 for position(' ' in command) - 1) else command end
    where command is not null;
update audit_log set command_group = case
        when position(' ' in command) = 0 then command
        when position(' ' in substring(command from position(' ' in command) + 1)) = 0 then command
        else substring(command from 1 for position(' ' in command)
            + position(' ' in substring(command from position(' ' in command) + 1)) - 1) end
    where command is not null;

-- Newest first within each filter: every audit form reads an index backwards and stops after --limit rows.
drop index audit_log_user_at;
drop index audit_log_command_at;
create index audit_log_user_id on audit_log (user_id, id);
create index audit_log_family_id on audit_log (family, id);
create index audit_log_group_id on audit_log (command_group, id);
create index audit_log_command_id on audit_log (command, id);
-- Retention deletes the oldest entries in batches.
create index audit_log_at on audit_log (at);
