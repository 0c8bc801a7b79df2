-- Google Drive sharing: a team's folder needs a re-sync while drive_version (bumped on every change of its
-- members, their emails or its folder) is ahead of drive_synced (the version last shared).
alter table directory_teams add column drive_version bigint not null default 0;
alter table directory_teams add column drive_synced bigint not null default 0;
