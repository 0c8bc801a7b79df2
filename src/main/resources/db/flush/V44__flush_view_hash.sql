-- The hash of the modal view a purge was submitted from: its result is shown there only over that view or a later one.
alter table flush_purges add column view_hash varchar(64);
