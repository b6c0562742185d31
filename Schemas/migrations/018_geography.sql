-- Where a complaint is, as PostGIS geography with a GiST index: the duplicate search ("same
-- category, open, not itself a duplicate, created in the last 7 days, within 50 m or naming the
-- same pole") finds its neighbours through the index, not by a distance over every open case; the
-- public map will use the same column.
--
-- PostGIS is not a trusted extension: only a superuser (or a managed service's administrator role)
-- may create it. Where the schema owner is not one (HUB_MIGRATE_DATABASE_URL), a database
-- administrator runs `create extension postgis;` in the hub's database once, before
-- `hubctl migrate` (README, "PostGIS"); this migration then finds it and goes on. The package is
-- Debian's postgresql-15-postgis-3 (make deps installs it; docker-compose.yml's database image has it).
do $$
begin
    create extension if not exists postgis;
exception
    when insufficient_privilege then
        raise exception 'PostGIS is not installed in database "%" and the role "%" may not create it: a superuser must run `create extension postgis;` in it once, then run hubctl migrate again',
            current_database(), current_user;
    when undefined_file then
        raise exception 'PostGIS is not installed on the database server: install its package (Debian: postgresql-15-postgis-3), then run hubctl migrate again';
end
$$;

-- Derived from lat and lon by the database, so no writer changes and every existing row is filled
-- by this statement; null where either is missing (ST_MakePoint is strict). Every function of the
-- expression is immutable, as a stored generated column needs.
alter table complaints
    add column geo_point geography(Point, 4326)
        generated always as (ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography) stored;

-- The duplicate search's place branch, `ST_DWithin(geo_point, $point, 50)`, over open cases only
-- (the form of ComplaintStatus.openCondition, so the planner can use it): its cost follows how many
-- open cases lie near the point, not how many complaints the hub holds. Its other conditions (the
-- category, the last 7 days, the pole branch) have their indexes from 004: complaints_open_by_category
-- (category_code, created_at) over open cases and complaints_pole. A map of every case, closed ones
-- too, needs an index of its own.
create index complaints_open_geo_point on complaints using gist (geo_point)
    where status not in ('closed', 'rejected', 'duplicate');
