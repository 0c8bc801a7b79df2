-- Directory family: profiles, teams, memberships and karma. Portable SQL (H2 in PostgreSQL mode and PostgreSQL).

create table directory_profiles (
    user_id       varchar(32)   primary key,
    name          varchar(200),
    email         varchar(320),
    position      varchar(200),
    github_login  varchar(100),
    github_id     bigint,
    major         varchar(200),
    bio           varchar(2000),
    created_at    timestamp with time zone not null
);
create index directory_profiles_github on directory_profiles (github_login);

-- team_key is the lower-cased team name, so "Web" and "web" are one team.
create table directory_teams (
    team_key      varchar(100)  primary key,
    name          varchar(100)  not null,
    display_name  varchar(200),
    platform      varchar(200),
    folder        varchar(200),
    github_id     bigint,
    created_at    timestamp with time zone not null
);
create index directory_teams_github on directory_teams (github_id);

create table directory_members (
    team_key      varchar(100)  not null,
    user_id       varchar(32)   not null,
    is_lead       boolean       not null,
    primary key (team_key, user_id)
);
create index directory_members_user on directory_members (user_id);

create table directory_karma (
    user_id       varchar(32)   primary key,
    points        bigint        not null
);
