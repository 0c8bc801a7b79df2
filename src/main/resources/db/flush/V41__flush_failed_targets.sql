-- A flush service (provider http) may accept a call yet say which of its targets it could not purge.
alter table flush_calls add column failed_targets varchar(5000000);
