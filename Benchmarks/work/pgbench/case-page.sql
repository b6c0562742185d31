-- What a staff case page shows (after session.sql): the case (one of bench_case_codes, :codes of
-- them), its reporter, whole timeline, photos and duplicate links, and the module's colleagues and
-- the agency's sub-units to offer.
\set n random(1, :codes)
select id, tracking_code, category_code, subcategory_code, module_code, agency_code, channel_code, status, priority,
       description, location, kelurahan, kecamatan, lat, lon, anonymous, confidential, inspectorate, escalation_level,
       overdue_step, assigned_to, sub_unit_code, due_at, created_at, updated_at, module_fields, duplicate_of
  from complaints
 where tracking_code = (select code from bench_case_codes where n = :n) \gset case_
select name, email, phone from complaint_reporters where complaint_id = :case_id;
select kind, at, actor_role, public, note, to_status from complaint_events where complaint_id = :case_id order by at, id;
select id, purpose, position, media_type from complaint_photos where complaint_id = :case_id order by purpose desc, position;
select tracking_code, status from complaints where duplicate_of = :case_id order by created_at;
select id, login, role, module_code, categories, area, sub_unit_code from staff_accounts
 where active and module_code = :case_module_code order by lower(login);
select code, agency_code, name_id, name_en from sub_units where active and agency_code = :case_agency_code order by name_id;
