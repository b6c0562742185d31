-- A staff member's work queue (after session.sql): the open cases of the account's module (:module),
-- soonest deadline first, then the most urgent, then the oldest, the first page (:limit) with each
-- holder's name, and the counts by open status, of the overdue and in all, each counted up to
-- 1001 (the hub shows "1000+" past that), as the hub's QueueSQL writes them.
select id, tracking_code, category_code, subcategory_code, module_code, agency_code, channel_code, status, priority,
       description, location, kelurahan, kecamatan, lat, lon, anonymous, confidential, inspectorate, escalation_level,
       overdue_step, assigned_to, sub_unit_code, due_at, created_at, updated_at, module_fields,
       (select coalesce(full_name, login) from staff_accounts where id = complaints.assigned_to) as holder_name
  from complaints
 where module_code = :module and not inspectorate and status not in ('closed', 'rejected', 'duplicate')
   and request_type is null
 order by due_at nulls last, array_position(array['urgent', 'high', 'normal', 'low'], priority), created_at, id
 limit :limit;
select asked.status,
       (select count(*) from (select from complaints
                               where module_code = :module and not inspectorate and request_type is null
                                 and status not in ('closed', 'rejected', 'duplicate') and status = asked.status
                               order by due_at limit 1001) as capped)
  from unnest(array['received', 'dispatched', 'verified', 'in_progress', 'awaiting_validation', 'resolved',
                    'postponed', 'forwarded', 'awaiting_reporter']) as asked(status)
union all
select 'overdue', (select count(*) from (select from complaints
                                          where module_code = :module and not inspectorate and request_type is null
                                            and status not in ('closed', 'rejected', 'duplicate') and due_at < now()
                                          order by due_at limit 1001) as capped)
union all
select 'total', (select count(*) from (select from complaints
                                        where module_code = :module and not inspectorate and request_type is null
                                          and status not in ('closed', 'rejected', 'duplicate')
                                        order by due_at limit 1001) as capped);
