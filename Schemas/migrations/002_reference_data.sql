-- Reference data a region may change without a release: modules, agencies (OPD), the 13 categories
-- of Puja Indah with their subcategories, the routing table, channels and the holiday calendar.
-- Inserts skip rows that exist, so a region's own edits survive re-running the seed.

insert into modules (code, name_id, name_en) values
    ('intake',       'Meja Umum',               'General desk'),
    ('public-works', 'Pekerjaan Umum',          'Public works'),
    ('social',       'Sosial',                  'Social services'),
    ('tourism',      'Pariwisata',              'Tourism'),
    ('kir',          'Perhubungan / Uji KIR',   'Transport and vehicle inspection')
on conflict do nothing;

insert into agencies (code, name_id, name_en) values
    ('dpmptsp',      'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'One-stop investment and licensing office'),
    ('dinkes',       'Dinas Kesehatan',                          'Health office'),
    ('disdik',       'Dinas Pendidikan',                         'Education office'),
    ('disnaker',     'Dinas Tenaga Kerja',                       'Labour office'),
    ('disperindag',  'Dinas Perindustrian dan Perdagangan',      'Industry and trade office'),
    ('setwan',       'Sekretariat DPRD',                         'Secretariat of the regional parliament'),
    ('disdukcapil',  'Dinas Kependudukan dan Pencatatan Sipil',  'Civil registry office'),
    ('satpolpp',     'Satuan Polisi Pamong Praja',               'Municipal police (Satpol PP)'),
    ('dpupr',        'Dinas Pekerjaan Umum dan Penataan Ruang',  'Public works and spatial planning office'),
    ('dishub',       'Dinas Perhubungan',                        'Transport office'),
    ('dinsos',       'Dinas Sosial',                             'Social services office'),
    ('dispar',       'Dinas Pariwisata',                         'Tourism office'),
    ('setda',        'Sekretariat Daerah',                       'Regional secretariat'),
    ('inspektorat',  'Inspektorat Daerah',                       'Regional inspectorate')
on conflict do nothing;

insert into categories (code, name_id, name_en, keyword, position) values
    ('perizinan',       'Perizinan',                 'Permits and licensing',                                   'IZIN',    1),
    ('kesehatan',       'Kesehatan',                 'Health services',                                         'SEHAT',   2),
    ('pendidikan',      'Pendidikan',                'Education',                                               'DIDIK',   3),
    ('ketenagakerjaan', 'Ketenagakerjaan',           'Employment and labour',                                   'KERJA',   4),
    ('komoditas',       'Komoditas',                 'Commodity prices and supply',                             'HARGA',   5),
    ('aspirasi',        'Aspirasi DPRD',             'Aspirations to the regional parliament',                  'DPRD',    6),
    ('kependudukan',    'Kependudukan',              'Civil registry (KTP, KIA, birth and death certificates)', 'KTP',     7),
    ('trantibum',       'Trantibum Linmas',          'Public order, peace and community protection',            'TRANTIB', 8),
    ('pekerjaan-umum',  'Pekerjaan Umum',            'Public works: roads, bridges, drainage, street lighting (PJU), heavy equipment', 'PU', 9),
    ('perhubungan',     'Perhubungan / Uji KIR',     'Transport and vehicle roadworthiness tests (KIR)',        'KIR',     10),
    ('sosial',          'Sosial',                    'Social services, aid and vulnerable people (PMKS)',       'SOSIAL',  11),
    ('pariwisata',      'Pariwisata',                'Tourism destinations and services',                       'WISATA',  12),
    ('administrasi',    'Administrasi Pemerintahan', 'Government administration, letters and permits between village, sub-district and regency', 'ADMIN', 13)
on conflict do nothing;

insert into category_routes (category_code, module_code, agency_code) values
    ('perizinan',       'intake',       'dpmptsp'),
    ('kesehatan',       'intake',       'dinkes'),
    ('pendidikan',      'intake',       'disdik'),
    ('ketenagakerjaan', 'intake',       'disnaker'),
    ('komoditas',       'intake',       'disperindag'),
    ('aspirasi',        'intake',       'setwan'),
    ('kependudukan',    'intake',       'disdukcapil'),
    ('trantibum',       'intake',       'satpolpp'),
    ('pekerjaan-umum',  'public-works', 'dpupr'),
    ('perhubungan',     'kir',          'dishub'),
    ('sosial',          'social',       'dinsos'),
    ('pariwisata',      'tourism',      'dispar'),
    ('administrasi',    'intake',       'setda')
on conflict do nothing;

insert into subcategories (category_code, code, name_id, name_en, position) values
    ('perizinan', 'izin-usaha',         'Izin usaha',                         'Business permit',                       1),
    ('perizinan', 'pbg',                'Persetujuan bangunan gedung (PBG)',  'Building approval (PBG)',               2),
    ('perizinan', 'pungutan-liar',      'Pungutan liar dalam perizinan',      'Illegal levies in licensing',           3),
    ('kesehatan', 'puskesmas',          'Layanan puskesmas',                  'Community health centre service',       1),
    ('kesehatan', 'rsud',               'Layanan rumah sakit daerah',         'Regional hospital service',             2),
    ('kesehatan', 'bpjs',               'Kepesertaan BPJS Kesehatan',         'National health insurance membership',  3),
    ('pendidikan', 'ppdb',              'Penerimaan peserta didik baru',      'School admissions',                     1),
    ('pendidikan', 'pungutan-sekolah',  'Pungutan di sekolah',                'Charges at school',                     2),
    ('pendidikan', 'sarana-sekolah',    'Sarana dan prasarana sekolah',       'School buildings and facilities',       3),
    ('ketenagakerjaan', 'upah',         'Upah dan THR',                       'Wages and holiday allowance',           1),
    ('ketenagakerjaan', 'phk',          'Pemutusan hubungan kerja',           'Dismissal',                             2),
    ('ketenagakerjaan', 'kartu-kuning', 'Kartu pencari kerja (AK/1)',         'Job seeker card (AK/1)',                3),
    ('komoditas', 'harga-pangan',       'Harga bahan pokok',                  'Staple food prices',                    1),
    ('komoditas', 'kelangkaan',         'Kelangkaan barang',                  'Shortage of goods',                     2),
    ('komoditas', 'elpiji',             'Gas elpiji bersubsidi',              'Subsidised LPG',                        3),
    ('aspirasi', 'usulan',              'Usulan dan aspirasi',                'Proposal or aspiration',                1),
    ('aspirasi', 'reses',               'Tindak lanjut reses',                'Follow-up of a recess visit',           2),
    ('kependudukan', 'ktp-el',          'KTP elektronik',                     'Electronic identity card',              1),
    ('kependudukan', 'kia',             'Kartu identitas anak',               'Child identity card',                   2),
    ('kependudukan', 'akta-kelahiran',  'Akta kelahiran',                     'Birth certificate',                     3),
    ('kependudukan', 'akta-kematian',   'Akta kematian',                      'Death certificate',                     4),
    ('kependudukan', 'kartu-keluarga',  'Kartu keluarga',                     'Family card',                           5),
    ('trantibum', 'ketertiban',         'Gangguan ketertiban umum',           'Public order disturbance',              1),
    ('trantibum', 'pkl',                'Pedagang kaki lima',                 'Street vendors',                        2),
    ('trantibum', 'bencana',            'Kebencanaan dan linmas',             'Disaster and community protection',     3),
    ('pekerjaan-umum', 'jalan',         'Jalan rusak',                        'Damaged road',                          1),
    ('pekerjaan-umum', 'jembatan',      'Jembatan',                           'Bridge',                                2),
    ('pekerjaan-umum', 'drainase',      'Drainase dan banjir',                'Drainage and flooding',                 3),
    ('pekerjaan-umum', 'pju',           'Penerangan jalan umum (PJU)',        'Street lighting (PJU)',                 4),
    ('pekerjaan-umum', 'pju-ilegal',    'PJU ilegal',                         'Illegal street light',                  5),
    ('pekerjaan-umum', 'usulan-pju',    'Usulan PJU baru atau meteran',       'Proposal for a new or metered street light', 6),
    ('pekerjaan-umum', 'alat-berat',    'Alat berat',                         'Heavy equipment',                       7),
    ('perhubungan', 'uji-kir',          'Layanan uji KIR',                    'Vehicle inspection (KIR) service',      1),
    ('perhubungan', 'jadwal-uji',       'Jadwal uji kendaraan',               'Inspection appointment',                2),
    ('perhubungan', 'retribusi',        'Retribusi uji',                      'Inspection fees',                       3),
    ('perhubungan', 'angkutan-umum',    'Angkutan umum',                      'Public transport',                      4),
    ('sosial', 'pmks',                  'Penyandang masalah kesejahteraan sosial (PMKS)', 'Person with social welfare problems (PMKS)', 1),
    ('sosial', 'bantuan-sosial',        'Bantuan sosial',                     'Social aid',                            2),
    ('sosial', 'disabilitas',           'Layanan disabilitas',                'Disability services',                   3),
    ('pariwisata', 'destinasi',         'Destinasi wisata',                   'Tourist destination',                   1),
    ('pariwisata', 'fasilitas',         'Fasilitas wisata',                   'Tourism facilities',                    2),
    ('pariwisata', 'harga-layanan',     'Harga dan pelayanan di destinasi',   'Prices and service at a destination',   3),
    ('administrasi', 'surat-desa',      'Surat dari desa atau kelurahan',     'Letters from the village or kelurahan', 1),
    ('administrasi', 'surat-kecamatan', 'Surat dari kecamatan',               'Letters from the sub-district',         2),
    ('administrasi', 'rekomendasi',     'Rekomendasi dan izin antar instansi','Recommendations and permits between offices', 3)
on conflict do nothing;

insert into channels (code, name_id, name_en) values
    ('web',     'Formulir web',        'Web form'),
    ('api',     'API JSON',            'JSON API'),
    ('open311', 'Open311',             'Open311'),
    ('desk',    'Loket pengaduan',     'Walk-in desk'),
    ('sms',     'SMS / WhatsApp',      'SMS / WhatsApp')
on conflict do nothing;

-- National holidays and collective leave (cuti bersama) as decreed; regions add their own.
insert into holidays (day, name_id, name_en) values
    ('2026-01-01', 'Tahun Baru Masehi',            'New Year''s Day'),
    ('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', 'Isra Mi''raj'),
    ('2026-02-17', 'Tahun Baru Imlek',             'Chinese New Year'),
    ('2026-03-19', 'Hari Suci Nyepi',              'Nyepi'),
    ('2026-03-20', 'Idulfitri',                    'Eid al-Fitr'),
    ('2026-03-21', 'Idulfitri',                    'Eid al-Fitr'),
    ('2026-04-03', 'Wafat Yesus Kristus',          'Good Friday'),
    ('2026-05-01', 'Hari Buruh Internasional',     'Labour Day'),
    ('2026-05-14', 'Kenaikan Yesus Kristus',       'Ascension Day'),
    ('2026-05-27', 'Iduladha',                     'Eid al-Adha'),
    ('2026-05-31', 'Hari Raya Waisak',             'Vesak'),
    ('2026-06-01', 'Hari Lahir Pancasila',         'Pancasila Day'),
    ('2026-06-16', 'Tahun Baru Islam',             'Islamic New Year'),
    ('2026-08-17', 'Hari Kemerdekaan RI',          'Independence Day'),
    ('2026-08-25', 'Maulid Nabi Muhammad SAW',     'Prophet''s Birthday'),
    ('2026-12-25', 'Hari Raya Natal',              'Christmas Day'),
    ('2027-01-01', 'Tahun Baru Masehi',            'New Year''s Day')
on conflict do nothing;
