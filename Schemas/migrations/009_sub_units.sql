-- Sub-units (UPT, bidang) of an agency. A case is disposed to one of its agency's sub-units, and
-- staff bound to a sub-unit work only the cases disposed to it.

create table sub_units (
    code        text primary key check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(code) <= 64),
    agency_code text not null references agencies,
    name_id     text not null check (length(btrim(name_id)) between 1 and 200),
    name_en     text not null check (length(btrim(name_en)) between 1 and 200),
    active      boolean not null default true
);
create index sub_units_agency on sub_units (agency_code) where active;

insert into sub_units (code, agency_code, name_id, name_en) values
    ('dpupr-jalan',        'dpupr',     'UPT Pemeliharaan Jalan dan Jembatan', 'Road and bridge maintenance unit'),
    ('dpupr-pju',          'dpupr',     'UPT Penerangan Jalan Umum',           'Street lighting unit'),
    ('dpupr-drainase',     'dpupr',     'UPT Drainase dan Sumber Daya Air',    'Drainage and water resources unit'),
    ('dinsos-panti',       'dinsos',    'UPT Panti Sosial',                    'Social care home unit'),
    ('dinsos-rehsos',      'dinsos',    'Bidang Rehabilitasi Sosial',          'Social rehabilitation division'),
    ('dispar-destinasi',   'dispar',    'Bidang Destinasi Pariwisata',         'Tourist destinations division'),
    ('dishub-pkb',         'dishub',    'UPT Pengujian Kendaraan Bermotor',    'Motor vehicle testing unit'),
    ('dishub-parkir',      'dishub',    'UPT Perparkiran',                     'Parking unit'),
    ('satpolpp-trantibum', 'satpolpp',  'Bidang Ketenteraman dan Ketertiban Umum', 'Public order division'),
    ('dinkes-puskesmas',   'dinkes',    'Bidang Pelayanan Kesehatan',          'Health services division')
on conflict do nothing;

alter table complaints add column sub_unit_code text references sub_units;
create index complaints_sub_unit on complaints (sub_unit_code) where sub_unit_code is not null;

alter table staff_accounts add column sub_unit_code text references sub_units;
