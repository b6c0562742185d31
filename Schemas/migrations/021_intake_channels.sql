-- The ways a complaint reaches the agency before staff enter it at the desk (a PPM's intake
-- channels): a walk-in visitor, a call, a letter, a post on social media. Data, not code: a region
-- adds, renames, reorders or retires its own (`active = false` keeps old cases' references and
-- stops offering the channel). `channels` (web, api, open311, desk, sms) stays how the hub itself
-- received the request; a desk submission names one of these besides.
create table intake_channels (
    code     text primary key check (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    name_id  text not null check (length(name_id) between 1 and 120),
    name_en  text not null check (length(name_en) between 1 and 120),
    position int  not null,
    active   boolean not null default true
);

-- Seeded with the 14 official complaint channels of DKI Jakarta's Cepat Respon Masyarakat (CRM,
-- Pergub 128/2017) as the province listed them in 2020-2021, and the two every desk also takes in:
-- a telephone call and a letter.
insert into intake_channels (code, name_id, name_en, position) values
    ('tatap-muka-balai-kota',  'Tatap muka: Pendopo Balai Kota',               'In person: City Hall desk',                    1),
    ('tatap-muka-wali-kota',   'Tatap muka: Kantor Wali Kota',                 'In person: mayor''s office',                   2),
    ('tatap-muka-kecamatan',   'Tatap muka: Kantor Camat',                     'In person: sub-district office',               3),
    ('tatap-muka-kelurahan',   'Tatap muka: Kantor Lurah',                     'In person: kelurahan office',                  4),
    ('tatap-muka-inspektorat', 'Tatap muka: Kantor Inspektorat',               'In person: inspectorate office',               5),
    ('aplikasi-jaki',          'Aplikasi JAKI (JakLapor)',                     'JAKI app (JakLapor)',                          6),
    ('aplikasi-qlue',          'Aplikasi Qlue',                                'Qlue app',                                     7),
    ('twitter',                'Twitter/X resmi pemerintah daerah',            'The regional government''s Twitter/X',         8),
    ('facebook',               'Facebook resmi pemerintah daerah',             'The regional government''s Facebook',          9),
    ('email',                  'Surat elektronik (email) resmi',               'Official email address',                       10),
    ('medsos-pimpinan',        'Media sosial pribadi Gubernur/Wakil Gubernur', 'Personal social media of the (vice) governor', 11),
    ('sms',                    'SMS pengaduan',                                'Complaint SMS number',                         12),
    ('lapor-1708',             'LAPOR! SP4N (1708)',                           'LAPOR! SP4N (1708)',                           13),
    ('media-massa',            'Aspirasi publik di media massa',               'Public aspirations in the news media',         14),
    ('telepon',                'Telepon / pusat panggilan',                    'Telephone / call centre',                      15),
    ('surat',                  'Surat tertulis',                               'Letter',                                       16)
on conflict do nothing;

-- Which intake channel a desk submission came through, beside the complaint (written in the
-- submission's transaction; the complaint's own columns stay as they are).
create table complaint_intake_channels (
    complaint_id        bigint primary key references complaints on delete cascade,
    intake_channel_code text not null references intake_channels on update cascade
);
create index complaint_intake_channels_code on complaint_intake_channels (intake_channel_code);

-- The agency (OPD) working a case, by tracking code: public (the confirmation page names it), no
-- personal data.
create view public_case_agencies as
select c.tracking_code, a.code as agency_code, a.name_id as agency_name_id, a.name_en as agency_name_en
  from complaints c
  join agencies a on a.code = c.agency_code;

grant select on intake_channels, public_case_agencies to hub_cap_public;
grant select, insert on complaint_intake_channels to hub_cap_intake;
grant select on complaint_intake_channels to hub_cap_casework;
