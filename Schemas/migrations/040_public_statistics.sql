-- Public statistics (issue 17): per agency and per category, the complaints received, resolved, the
-- median hours to verify and to resolve, the share resolved within the deadline, the citizens'
-- ratings and how many were confidential (Sources/Complaints/Statistics defines each figure).
--
-- The page and /api/v1/stats never read complaints: they read a daily rollup kept current by a
-- refresher (intake's periodic sweep, `hubctl stats refresh`), which works only on the complaints
-- that changed since its last run:
--   complaints --(trigger)--> complaint_stats_pending --(refresher)--> complaint_stat_facts
--              --(re-aggregated per touched key)--> complaint_stats_daily --(hub_cap_public)--> gateway

-- The complaints whose figures must be measured again: a complaint written or changed in a way that
-- moves its figures. The trigger runs as the table's owner so that every writer of complaints
-- (intake, the modules, hubctl) marks without a grant of its own.
create table complaint_stats_pending (
    complaint_id bigint primary key
);

create function complaint_stats_mark() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
begin
    insert into complaint_stats_pending (complaint_id) values (new.id) on conflict do nothing;
    return null;
end
$$;
revoke all on function complaint_stats_mark() from public;

create trigger complaints_stats_inserted after insert on complaints
    for each row execute function complaint_stats_mark();
create trigger complaints_stats_changed
    after update of status, agency_code, category_code, citizen_rating, confidential, kecamatan_code, kelurahan_code,
                    request_type, parent_id, created_at
    on complaints for each row
    when (old.status is distinct from new.status or old.agency_code is distinct from new.agency_code
          or old.category_code is distinct from new.category_code or old.citizen_rating is distinct from new.citizen_rating
          or old.confidential is distinct from new.confidential or old.kecamatan_code is distinct from new.kecamatan_code
          or old.kelurahan_code is distinct from new.kelurahan_code or old.request_type is distinct from new.request_type
          or old.parent_id is distinct from new.parent_id or old.created_at is distinct from new.created_at)
    execute function complaint_stats_mark();

-- One row per counted complaint (`CaseFigures`): what the statistics measure of it. Not public: a
-- confidential complaint's row says when and where-less, but the table is read only by the refresher.
-- A complaint that is not counted (a fan-out parent, a duplicate) has no row.
create table complaint_stat_facts (
    complaint_id    bigint primary key references complaints on delete cascade,
    local_day       date not null,
    agency_code     text not null,
    category_code   text not null,
    -- The area, null for a confidential complaint (counted, never placed); area_key is the
    -- desa/kelurahan code, else the kecamatan code, else ''.
    kecamatan_code  text,
    kelurahan_code  text,
    area_key        text not null,
    confidential    boolean not null,
    resolved        boolean not null,
    within_deadline boolean,
    verify_seconds  integer check (verify_seconds >= 0),
    resolve_seconds integer check (resolve_seconds >= 0),
    rating          smallint check (rating between 1 and 5)
);
create index complaint_stat_facts_key on complaint_stat_facts (local_day, agency_code, category_code, area_key);

-- The facts summed per local day, agency, category and area: what the public reads. The durations
-- are kept whole (sorted arrays of seconds) so that a median over any period and area is exact.
create table complaint_stats_daily (
    day              date not null,
    agency_code      text not null,
    category_code    text not null,
    area_key         text not null,
    kecamatan_code   text,
    kelurahan_code   text,
    received         integer not null,
    resolved         integer not null,
    within_deadline  integer not null,
    confidential     integer not null,
    rated            integer not null,
    rating_sum       integer not null,
    verify_seconds   integer[] not null,
    resolve_seconds  integer[] not null,
    primary key (day, agency_code, category_code, area_key)
);
create index complaint_stats_daily_kecamatan on complaint_stats_daily (kecamatan_code, day) where kecamatan_code is not null;
create index complaint_stats_daily_kelurahan on complaint_stats_daily (kelurahan_code, day) where kelurahan_code is not null;

-- Every complaint already stored is measured by the refresher's first runs.
insert into complaint_stats_pending (complaint_id) select id from complaints;

grant select on complaint_stats_daily to hub_cap_public;
-- The refresher runs in intake (its periodic sweeps): it measures complaints and rewrites the rollup.
grant select, delete on complaint_stats_pending to hub_cap_intake;
grant select, insert, update, delete on complaint_stat_facts, complaint_stats_daily to hub_cap_intake;
