-- Cases that cross agencies (issue 16): forwarding a case to another agency, routing by place, and
-- the inspectorate's own work on reports of misconduct.

-- A forwarded case waits for the receiving agency's answer (status 'forwarded'), which holds it in
-- its queue meanwhile; the agency and module it came from are kept until it is accepted or returned.
alter table complaints drop constraint complaints_status_check;
alter table complaints add constraint complaints_status_check check (status in (
    'received', 'dispatched', 'verified', 'in_progress', 'awaiting_validation',
    'resolved', 'closed', 'rejected', 'postponed', 'duplicate', 'forwarded'));
alter table complaints
    add column forwarded_from_agency text references agencies,
    add column forwarded_from_module text references modules,
    add constraint complaints_forwarded_from check (
        (forwarded_from_agency is null) = (forwarded_from_module is null)
        and (forwarded_from_agency is null or status = 'forwarded'));

-- Routing by place: an agency may own a category in some kecamatan only. A submission whose
-- kecamatan matches a row (without regard to case) goes to that row's module and agency; without a
-- match, the category's default route (category_routes) applies. The default rows keep their one row
-- per category, which every reader of category_routes relies on.
create table category_area_routes (
    category_code text not null references category_routes on update cascade on delete cascade,
    kecamatan     text not null check (length(btrim(kecamatan)) between 1 and 100),
    module_code   text not null references modules,
    agency_code   text not null references agencies
);
create unique index category_area_routes_place on category_area_routes (category_code, lower(kecamatan));

-- Reports of misconduct ("berkadar pengawasan": pungli, extortion, abuse of office) go to the
-- inspectorate at intake, never to the agency they accuse. Subcategories mark them; one agency is
-- the inspectorate.
alter table subcategories add column misconduct boolean not null default false;
alter table agencies add column inspectorate boolean not null default false;
create unique index agencies_one_inspectorate on agencies (inspectorate) where inspectorate;
update agencies set inspectorate = true where code = 'inspektorat';

update subcategories set misconduct = true where (category_code, code) in (('perizinan', 'pungutan-liar'));
insert into subcategories (category_code, code, name_id, name_en, position, misconduct) values
    ('kependudukan', 'pungutan-liar',          'Pungutan liar layanan kependudukan',  'Illegal levies in civil registry services', 6, true),
    ('perhubungan',  'pungutan-liar',          'Pungutan liar uji KIR',               'Illegal levies at vehicle inspection',      5, true),
    ('administrasi', 'pemerasan',              'Pemerasan oleh aparat',               'Extortion by officials',                    4, true),
    ('administrasi', 'penyalahgunaan-wewenang','Penyalahgunaan wewenang',             'Abuse of office',                           5, true)
on conflict do nothing;

-- The public timeline names the agency a case was forwarded to (or accepted by, or returned to) in
-- English too, as it names a sub-unit.
create or replace view public_timeline as
select c.tracking_code,
       e.id as event_id,
       e.kind,
       e.at,
       e.actor_role,
       e.to_status,
       e.note,
       coalesce(s.name_en, a.name_en) as note_en
  from complaint_events e
  join complaints c on c.id = e.complaint_id
  left join sub_units s on e.kind = 'disposed' and s.code = e.details->>'sub_unit'
  left join agencies a on e.kind in ('forwarded', 'forward_accepted', 'forward_returned') and a.code = e.details->>'agency'
 where e.public;

grant select on category_area_routes to hub_cap_public;
