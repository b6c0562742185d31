-- A staff member's work queue (after session.sql): the open cases of the account's module (:module),
-- soonest deadline first, then the most urgent, then the oldest, the first page (:limit),
-- and their counts by status.
select id, tracking_code, category_code, subcategory_code, module_code, agency_code, channel_code, status, priority,
       description, location, kelurahan, kecamatan, lat, lon, anonymous, confidential, inspectorate, escalation_level,
       overdue_step, assigned_to, sub_unit_code, due_at, created_at, updated_at, module_fields
  from complaints
 where module_code = :module and not inspectorate and status not in ('closed', 'rejected', 'duplicate')
 order by due_at nulls last, array_position(array['urgent', 'high', 'normal', 'low'], priority), created_at, id
 limit :limit;
select status, count(*), count(*) filter (where due_at < now())
  from complaints
 where module_code = :module and not inspectorate and status not in ('closed', 'rejected', 'duplicate')
 group by status;
