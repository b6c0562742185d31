-- Photo storage per client address per day (issue 11, finding 4): the bytes each address has stored
-- today, charged in the transaction that stores the photos, so the quota holds across replicas and
-- a refused or failed submission charges nothing.
create table photo_quota_usage (
    client_address text not null,
    day date not null,
    bytes bigint not null check (bytes >= 0),
    primary key (client_address, day)
);

-- Every service that stores photos (intake, and the modules' after-photos) charges them here;
-- intake alone forgets the days gone by.
grant select, insert, update on photo_quota_usage to hub_service, hub_cap_casework;
grant delete on photo_quota_usage to hub_service, hub_cap_intake;
