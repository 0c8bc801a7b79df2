-- Drive folders no team uses any more (the team was deleted, or its folder changed): the sharing job takes the
-- members' grants off them, then forgets the row. Portable SQL (H2 and PostgreSQL).
create table directory_drive_released (
    folder        varchar(200)  primary key
);
