-- Hazards (issue 17): the subcategories whose reports put people in danger until they are dealt
-- with (flooding, fallen trees, broken street lights, disasters) are marked, as reference data an
-- admin edits like the misconduct mark. The public map highlights them, and each new one goes to the
-- command centre's webhook (HUB_HAZARD_WEBHOOK_URL), Pena Berkarib's link to 112.
alter table subcategories add column hazard boolean not null default false;

insert into subcategories (category_code, code, name_id, name_en, position) values
    ('pekerjaan-umum', 'pohon-tumbang', 'Pohon tumbang', 'Fallen tree', 8)
on conflict do nothing;

update subcategories set hazard = true
 where (category_code, code) in (('pekerjaan-umum', 'drainase'), ('pekerjaan-umum', 'pju'),
                                 ('pekerjaan-umum', 'pohon-tumbang'), ('trantibum', 'bencana'));
