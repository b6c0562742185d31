-- Service levels as data (issue 16): the deadlines per kind of step in working days, holidays with
-- cuti bersama told apart, and each agency's time zone (WIB, WITA, WIT), all edited by admins through
-- /api/v1/staff/admin/... and the admin pages (audited), never by a release. A changed deadline
-- applies to the next deadline set; one already running keeps its moment.

create table service_levels (
    kind         text primary key
                 check (kind in ('verify', 'follow_up', 'close_after_resolution', 'supervisor', 'misconduct')),
    working_days int  not null check (working_days between 1 and 500)
);

insert into service_levels (kind, working_days) values
    ('verify', 3), ('follow_up', 5), ('close_after_resolution', 10), ('supervisor', 2), ('misconduct', 60)
on conflict do nothing;

-- A holiday is a national one, collective leave (cuti bersama) or the region's own; one that is no
-- longer observed is switched off rather than deleted, so the record of what was stays. Regions add
-- the year's cuti bersama as the joint decree (SKB) names them.
alter table holidays
    add column kind   text    not null default 'national' check (kind in ('national', 'cuti_bersama', 'regional')),
    add column active boolean not null default true;

-- The region an agency serves counts its working days in its own time zone.
alter table agencies
    add column time_zone text not null default 'WIB' check (time_zone in ('WIB', 'WITA', 'WIT'));

-- The admin pages and API (served by intake, which signs staff in) edit the reference data.
grant select on service_levels to hub_cap_public;
grant insert, update on categories, subcategories, category_routes, category_area_routes, agencies, sub_units,
                        intake_channels, holidays, service_levels
   to hub_cap_intake;

-- Every change to the reference data is announced on channel reference_data (the table's name as
-- the payload), so that a process that keeps a copy (the gateway's categories) drops it at once,
-- on every replica.
create function reference_data_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('reference_data', tg_table_name);
    return null;
end
$$;
do $$
declare
    name text;
begin
    foreach name in array array['categories', 'subcategories', 'category_routes', 'category_area_routes', 'agencies',
                                'sub_units', 'intake_channels', 'holidays', 'service_levels'] loop
        execute format('create trigger %I after insert or update or delete or truncate on %I
                        for each statement execute function reference_data_changed()', name || '_changed', name);
    end loop;
end
$$;
