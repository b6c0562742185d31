-- Letters between village and sub-district (PETUNG DADI): the regency's kecamatan and desa/kelurahan
-- with their letterheads, the letter roles bound to one of them, leave with stand-ins, letter types
-- as data, the letters with their steps, and each region's own letter numbers per year.

-- Kecamatan (district) and desa/kelurahan (village) by their Kemendagri codes: 35.03.01 is a
-- kecamatan, 35.03.01.2001 a desa in it (1xxx kelurahan, 2xxx desa). The letterhead is the name,
-- the address and the logo (PNG or JPEG bytes).
create table regions (
    code            text primary key check (code ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}(\.[0-9]{4})?$'),
    kind            text not null check (kind in ('kecamatan', 'desa', 'kelurahan')),
    district_code   text references regions,
    name            text not null check (length(name) between 1 and 120),
    address         text not null check (length(address) between 1 and 300),
    logo            bytea check (logo is null or length(logo) <= 1048576),
    logo_media_type text check (logo_media_type in ('image/png', 'image/jpeg')),
    check ((kind = 'kecamatan') = (district_code is null)),
    check ((kind = 'kecamatan') = (code !~ '\.[0-9]{4}$')),
    check (district_code is null or code like district_code || '.%'),
    check ((logo is null) = (logo_media_type is null))
);
create index regions_district on regions (district_code);

-- The letter roles, each bound to one region; their name and NIP go on the signature block.
alter table staff_accounts drop constraint staff_accounts_role_check;
alter table staff_accounts add constraint staff_accounts_role_check check (role in (
    'admin', 'staff', 'supervisor', 'validator', 'inspector',
    'village_front_office', 'village_secretary', 'village_head',
    'district_front_office', 'district_service_head', 'district_head', 'district_admin'));
alter table staff_accounts add column region_code text references regions;
alter table staff_accounts add column full_name text check (length(full_name) <= 120);
alter table staff_accounts add column nip text check (nip ~ '^[0-9]{18}$');
alter table staff_accounts add constraint staff_accounts_region_check check (
    (role in ('village_front_office', 'village_secretary', 'village_head', 'district_front_office',
              'district_service_head', 'district_head', 'district_admin')) = (region_code is not null));
create index staff_accounts_region on staff_accounts (region_code, role) where region_code is not null;

-- Leave (cuti): from and to are whole local days; the stand-in holds the official's steps meanwhile.
create table staff_leave (
    id          bigint generated always as identity primary key,
    account_id  bigint not null references staff_accounts,
    from_day    date not null,
    to_day      date not null,
    stand_in_id bigint not null references staff_accounts,
    created_by  bigint references staff_accounts,
    created_at  timestamptz not null default now(),
    check (from_day <= to_day),
    check (account_id <> stand_in_id)
);
create index staff_leave_account on staff_leave (account_id, to_day);
create index staff_leave_stand_in on staff_leave (stand_in_id, to_day);

-- Letter types: fields (a JSON list of {key, label_id, label_en, type, required, max_length, min,
-- max, choices}), the body's template ({{applicant.name}}, {{fields.key}}, …), whether the
-- kecamatan signs, and the deadline in working days.
create table letter_types (
    code           text primary key check (code ~ '^[a-z][a-z0-9-]{1,40}$'),
    name_id        text not null,
    name_en        text not null,
    classification text not null check (classification ~ '^[0-9]{3}(\.[0-9]{1,3})?$'),
    fields         jsonb not null check (jsonb_typeof(fields) = 'array'),
    body_template  text not null check (length(body_template) between 1 and 8000),
    reaches_district boolean not null,
    deadline_days  integer not null check (deadline_days between 1 and 60),
    active         boolean not null default true
);

-- A letter: who asked (the citizen's data), where it stands (step, since, due), the version every
-- action checks, and once finished its number, signature and the digest of its PDF.
create table letters (
    id             bigint generated always as identity primary key,
    code           text not null unique check (code ~ '^[0-9A-Z]{13}$'),
    type_code      text not null references letter_types,
    village_code   text not null references regions,
    district_code  text not null references regions,
    applicant      jsonb not null,
    fields         jsonb not null,
    step           text not null check (step in ('correction', 'village_check', 'village_sign', 'district_receive',
                                                 'district_check', 'district_sign', 'ready', 'rejected')),
    step_since     timestamptz not null default now(),
    due_at         timestamptz not null,
    version        integer not null default 1,
    note           text check (length(note) <= 1000),
    created_by     bigint not null references staff_accounts,
    created_at     timestamptz not null default now(),
    number         text unique,
    number_region  text references regions,
    number_year    integer,
    number_seq     integer,
    signed_at      timestamptz,
    signature      jsonb,
    pdf            bytea,
    pdf_digest     text,
    unique (number_region, number_year, number_seq),
    check ((step = 'ready') = (number is not null and pdf is not null))
);
create index letters_waiting on letters (step, village_code, district_code, step_since) where step not in ('ready', 'rejected');

-- Every step of a letter: the public position (role, never a name) and the internal actor.
create table letter_events (
    id          bigint generated always as identity primary key,
    letter_id   bigint not null references letters,
    at          timestamptz not null default now(),
    action      text not null,
    from_step   text,
    to_step     text not null,
    actor_role  text not null,
    actor_id    bigint references staff_accounts,
    on_behalf_of bigint references staff_accounts,
    note        text check (length(note) <= 1000),
    due_at      timestamptz
);
create index letter_events_letter on letter_events (letter_id, at, id);

-- Each region's last letter number of a year, taken in the transaction that finishes a letter (a
-- row lock, so numbers have neither gaps nor repeats; a sequence could leave gaps).
create table letter_counters (
    region_code text not null references regions,
    year        integer not null,
    last_number integer not null,
    primary key (region_code, year)
);

-- The key of the verification links when HUB_LETTER_KEY is not set: made here once, never shown.
create table letter_key (
    only_row boolean primary key default true check (only_row),
    key      bytea not null
);
insert into letter_key (key) values (gen_random_bytes(32));

alter table audit_log add column letter_id bigint references letters;

grant select on regions, letter_types to hub_cap_public;
grant select (region_code) on staff_accounts to hub_cap_sessions;
grant select, insert, update on regions, letter_types, letters, letter_counters, staff_leave to hub_cap_intake;
grant select, insert on letter_events to hub_cap_intake;
grant select on letter_key to hub_cap_intake;
grant select (full_name, nip), update (full_name, nip, region_code) on staff_accounts to hub_cap_intake;
grant usage on all sequences in schema public to hub_cap_intake;

insert into letter_types (code, name_id, name_en, classification, fields, body_template, reaches_district, deadline_days) values
('domisili', 'Surat Keterangan Domisili', 'Certificate of residence', '470',
 '[{"key": "alamat_domisili", "label_id": "Alamat domisili", "label_en": "Address of residence", "type": "text", "required": true, "max_length": 200},
   {"key": "sejak", "label_id": "Berdomisili sejak", "label_en": "Resident since", "type": "date", "required": true},
   {"key": "keperluan", "label_id": "Keperluan", "label_en": "Purpose", "type": "text", "required": true, "max_length": 200}]',
 'Yang bertanda tangan di bawah ini menerangkan bahwa {{applicant.name}}, NIK {{applicant.nik}}, beralamat di {{applicant.address}}, benar berdomisili di {{fields.alamat_domisili}} sejak {{fields.sejak}}. Surat keterangan ini dibuat untuk keperluan {{fields.keperluan}}.',
 false, 3),
('usaha', 'Surat Keterangan Usaha', 'Certificate of business', '503',
 '[{"key": "nama_usaha", "label_id": "Nama usaha", "label_en": "Business name", "type": "text", "required": true, "max_length": 120},
   {"key": "jenis_usaha", "label_id": "Jenis usaha", "label_en": "Kind of business", "type": "text", "required": true, "max_length": 120},
   {"key": "alamat_usaha", "label_id": "Alamat usaha", "label_en": "Business address", "type": "text", "required": true, "max_length": 200},
   {"key": "sejak", "label_id": "Berdiri sejak", "label_en": "Running since", "type": "date", "required": false}]',
 'Yang bertanda tangan di bawah ini menerangkan bahwa {{applicant.name}}, NIK {{applicant.nik}}, beralamat di {{applicant.address}}, benar mempunyai usaha {{fields.jenis_usaha}} dengan nama {{fields.nama_usaha}} yang beralamat di {{fields.alamat_usaha}}.',
 false, 3),
('tidak-mampu', 'Surat Keterangan Tidak Mampu', 'Certificate of low income', '401',
 '[{"key": "keperluan", "label_id": "Keperluan", "label_en": "Purpose", "type": "text", "required": true, "max_length": 200},
   {"key": "penghasilan_bulanan", "label_id": "Penghasilan per bulan (Rp)", "label_en": "Monthly income (IDR)", "type": "number", "required": true, "min": 0, "max": 100000000},
   {"key": "jumlah_tanggungan", "label_id": "Jumlah tanggungan", "label_en": "Dependants", "type": "number", "required": false, "min": 0, "max": 30}]',
 'Yang bertanda tangan di bawah ini menerangkan bahwa {{applicant.name}}, NIK {{applicant.nik}}, beralamat di {{applicant.address}}, adalah warga kami yang tergolong keluarga tidak mampu dengan penghasilan Rp {{fields.penghasilan_bulanan}} per bulan. Surat keterangan ini dibuat untuk keperluan {{fields.keperluan}}.',
 false, 2),
('pengantar-skck', 'Surat Pengantar SKCK', 'Covering letter for a police certificate (SKCK)', '331',
 '[{"key": "keperluan", "label_id": "Keperluan SKCK", "label_en": "Purpose of the SKCK", "type": "text", "required": true, "max_length": 200}]',
 'Yang bertanda tangan di bawah ini menerangkan bahwa {{applicant.name}}, NIK {{applicant.nik}}, beralamat di {{applicant.address}}, sepanjang pengetahuan kami berkelakuan baik dan tidak sedang tersangkut perkara pidana. Surat pengantar ini diberikan untuk mengurus Surat Keterangan Catatan Kepolisian (SKCK) guna {{fields.keperluan}}.',
 true, 5),
('kelahiran', 'Surat Keterangan Kelahiran', 'Birth certificate letter', '474.1',
 '[{"key": "nama_bayi", "label_id": "Nama anak", "label_en": "Name of the child", "type": "text", "required": true, "max_length": 120},
   {"key": "jenis_kelamin", "label_id": "Jenis kelamin", "label_en": "Sex", "type": "choice", "required": true, "choices": ["Laki-laki", "Perempuan"]},
   {"key": "tempat_lahir", "label_id": "Tempat lahir", "label_en": "Place of birth", "type": "text", "required": true, "max_length": 120},
   {"key": "tanggal_lahir", "label_id": "Tanggal lahir", "label_en": "Date of birth", "type": "date", "required": true},
   {"key": "nama_ibu", "label_id": "Nama ibu", "label_en": "Mother''s name", "type": "text", "required": true, "max_length": 120},
   {"key": "nama_ayah", "label_id": "Nama ayah", "label_en": "Father''s name", "type": "text", "required": false, "max_length": 120}]',
 'Yang bertanda tangan di bawah ini menerangkan bahwa telah lahir seorang anak {{fields.jenis_kelamin}} bernama {{fields.nama_bayi}} di {{fields.tempat_lahir}} pada tanggal {{fields.tanggal_lahir}}, dari seorang ibu bernama {{fields.nama_ibu}}. Surat keterangan ini dibuat atas permintaan {{applicant.name}}, NIK {{applicant.nik}}, beralamat di {{applicant.address}}.',
 false, 2),
('kematian', 'Surat Keterangan Kematian', 'Death certificate letter', '474.3',
 '[{"key": "nama_almarhum", "label_id": "Nama almarhum/almarhumah", "label_en": "Name of the deceased", "type": "text", "required": true, "max_length": 120},
   {"key": "nik_almarhum", "label_id": "NIK almarhum/almarhumah", "label_en": "NIK of the deceased", "type": "nik", "required": true},
   {"key": "tanggal_meninggal", "label_id": "Tanggal meninggal", "label_en": "Date of death", "type": "date", "required": true},
   {"key": "tempat_meninggal", "label_id": "Tempat meninggal", "label_en": "Place of death", "type": "text", "required": true, "max_length": 120},
   {"key": "sebab", "label_id": "Sebab kematian", "label_en": "Cause of death", "type": "text", "required": false, "max_length": 200}]',
 'Yang bertanda tangan di bawah ini menerangkan bahwa {{fields.nama_almarhum}}, NIK {{fields.nik_almarhum}}, telah meninggal dunia di {{fields.tempat_meninggal}} pada tanggal {{fields.tanggal_meninggal}}. Surat keterangan ini dibuat atas permintaan {{applicant.name}}, NIK {{applicant.nik}}, beralamat di {{applicant.address}}.',
 false, 2),
('pindah', 'Surat Keterangan Pindah', 'Certificate of moving', '474.2',
 '[{"key": "alamat_tujuan", "label_id": "Alamat tujuan", "label_en": "Destination address", "type": "text", "required": true, "max_length": 200},
   {"key": "alasan", "label_id": "Alasan pindah", "label_en": "Reason for moving", "type": "text", "required": true, "max_length": 200},
   {"key": "jumlah_pengikut", "label_id": "Jumlah anggota keluarga yang ikut pindah", "label_en": "Family members moving along", "type": "number", "required": true, "min": 0, "max": 20}]',
 'Yang bertanda tangan di bawah ini menerangkan bahwa {{applicant.name}}, NIK {{applicant.nik}}, beralamat di {{applicant.address}}, bermaksud pindah ke {{fields.alamat_tujuan}} dengan alasan {{fields.alasan}}, diikuti {{fields.jumlah_pengikut}} anggota keluarga.',
 true, 5);
