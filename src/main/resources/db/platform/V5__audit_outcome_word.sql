-- Platform v5: audit --outcome WORD (refused, denied, invalid, error, ok, ...) reads an index, like --command.
-- Each entry keeps its outcome's first word, without a trailing colon: "refused" of "refused by `qa` deployers: ...".
alter table audit_log add column outcome_word varchar(32);
update audit_log set outcome_word = lower(substring(case when position(' ' in outcome) > 0
        then substring(outcome from 1 for position(' ' in outcome) - 1) else outcome end from 1 for 32));
update audit_log set outcome_word = substring(outcome_word from 1 for char_length(outcome_word) - 1)
    where outcome_word like '%:';
create index audit_log_outcome_id on audit_log (outcome_word, id);
