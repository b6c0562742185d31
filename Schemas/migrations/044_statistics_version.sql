-- The public statistics change only when the refresher rewrites the rollup (migration 040): it
-- counts its rewrites here, in the same transaction, so the gateway keeps the figures it computed
-- for a filter until the rollup changes and reads one number per request instead of sorting every
-- duration of the period again (a year at a million complaints took a quarter of a second).
create table complaint_stats_version (
    single  boolean primary key default true check (single),
    version bigint not null
);
insert into complaint_stats_version (version) values (0);

grant select on complaint_stats_version to hub_cap_public;
grant select, update on complaint_stats_version to hub_cap_intake;
