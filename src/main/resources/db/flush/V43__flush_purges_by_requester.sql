-- Each person's last purges, for their Home tab.
create index flush_purges_requested_by on flush_purges (requested_by, requested_at);
