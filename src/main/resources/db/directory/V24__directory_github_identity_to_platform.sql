-- The GitHub identity moves to the platform (github_identities), so every family reads and writes the same link.
-- Every existing link is kept, with its GitHub id; V22 already left at most one profile per login.
insert into github_identities (user_id, login, login_key, github_id, linked_at)
    select user_id, github_login, lower(github_login), github_id, created_at
    from directory_profiles where github_login is not null;
drop index if exists directory_profiles_github_key;
drop index if exists directory_profiles_github;
alter table directory_profiles drop column github_key;
alter table directory_profiles drop column github_login;
alter table directory_profiles drop column github_id;
