-- One GitHub login belongs to at most one profile. github_key is the lower-cased login (GitHub logins ignore
-- case), so "Octo" and "octo" collide. Where two profiles already share a login, the oldest keeps it and the
-- others are unlinked (they can link again with `user edit --github`). Portable SQL (H2 and PostgreSQL).
alter table directory_profiles add column github_key varchar(100);
update directory_profiles set github_login = null, github_id = null
    where github_login is not null and exists (select 1 from directory_profiles older
        where lower(older.github_login) = lower(directory_profiles.github_login)
          and (older.created_at < directory_profiles.created_at
               or (older.created_at = directory_profiles.created_at and older.user_id < directory_profiles.user_id)));
update directory_profiles set github_key = lower(github_login) where github_login is not null;
create unique index directory_profiles_github_key on directory_profiles (github_key);
