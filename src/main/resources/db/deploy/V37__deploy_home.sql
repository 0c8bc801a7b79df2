-- A person's unfinished deployments and the locks they hold, for their Home tab.
create index deploy_deployments_requested_by on deploy_deployments (requested_by, state_rank);
create index deploy_locks_holder on deploy_locks (holder, kind);
