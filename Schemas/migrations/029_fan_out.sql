-- One request, several agencies (issue 16, Jakarta's Si Dukun 3-in-1): a request type that fans out
-- makes its case a parent with one child case per agency. Each child is worked in its agency's queue
-- under its own deadline through the normal lifecycle; the parent is never worked directly, its
-- status follows its children (the domain decides it), and the citizen follows it by its one code.

-- The request types and their parts, as data: each part names the agency that does it and the
-- category its case takes (the route's module works it, under that category's deadlines).
create table request_types (
    code    text primary key check (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    name_id text not null check (length(btrim(name_id)) between 1 and 200),
    name_en text not null check (length(btrim(name_en)) between 1 and 200)
);
create table request_type_parts (
    type_code     text not null references request_types on update cascade on delete cascade,
    agency_code   text not null references agencies on update cascade,
    category_code text not null references category_routes on update cascade,
    position      int not null check (position > 0),
    name_id       text not null check (length(btrim(name_id)) between 1 and 200),
    name_en       text not null check (length(btrim(name_en)) between 1 and 200),
    -- One child case per agency.
    primary key (type_code, agency_code)
);

-- A citizen asks for one by its subcategory.
alter table subcategories add column request_type text references request_types on update cascade;

-- The parent names its request type; each child names its parent.
alter table complaints
    add column request_type text references request_types on update cascade,
    add column parent_id bigint references complaints,
    add constraint complaints_parent_or_child check (request_type is null or parent_id is null);
create index complaints_parent on complaints (parent_id) where parent_id is not null;

-- The newborn's set: the hospital registers the birth, the civil registry issues the birth
-- certificate and the family card, BPJS enrols the child in the health insurance (Si Dukun 3-in-1).
insert into agencies (code, name_id, name_en) values
    ('rsud',           'Rumah Sakit Umum Daerah', 'Regional general hospital'),
    ('bpjs-kesehatan', 'BPJS Kesehatan',          'BPJS Health (national health insurance)')
on conflict do nothing;
insert into request_types (code, name_id, name_en) values
    ('bayi-baru-lahir', 'Layanan 3-in-1 bayi baru lahir', 'Newborn 3-in-1 service')
on conflict do nothing;
insert into request_type_parts (type_code, agency_code, category_code, position, name_id, name_en) values
    ('bayi-baru-lahir', 'rsud',           'kesehatan',    1, 'Surat keterangan lahir',           'Birth notice'),
    ('bayi-baru-lahir', 'disdukcapil',    'kependudukan', 2, 'Akta kelahiran dan kartu keluarga', 'Birth certificate and family card'),
    ('bayi-baru-lahir', 'bpjs-kesehatan', 'sosial',       3, 'Kepesertaan BPJS Kesehatan bayi',   'Health insurance (BPJS) for the baby')
on conflict do nothing;
insert into subcategories (category_code, code, name_id, name_en, position, request_type) values
    ('kependudukan', 'bayi-baru-lahir', 'Akta, KK dan BPJS bayi baru lahir (3-in-1)',
     'Birth certificate, family card and health insurance for a newborn (3-in-1)', 7, 'bayi-baru-lahir')
on conflict do nothing;

-- Each agency's progress on a parent, by the parent's tracking code: public, no personal data.
create view public_case_parts as
select p.tracking_code as parent_code, c.agency_code, a.name_id as agency_name_id, a.name_en as agency_name_en,
       c.status, c.due_at, coalesce(rp.position, 0) as position
  from complaints p
  join complaints c on c.parent_id = p.id
  join agencies a on a.code = c.agency_code
  left join request_type_parts rp on rp.type_code = p.request_type and rp.agency_code = c.agency_code;

grant select on request_types, request_type_parts, public_case_parts to hub_cap_public;
