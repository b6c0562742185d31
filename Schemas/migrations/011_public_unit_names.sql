-- The public timeline names the sub-unit a case was disposed to in English too.
create or replace view public_timeline as
select c.tracking_code,
       e.id as event_id,
       e.kind,
       e.at,
       e.actor_role,
       e.to_status,
       e.note,
       s.name_en as note_en
  from complaint_events e
  join complaints c on c.id = e.complaint_id
  left join sub_units s on e.kind = 'disposed' and s.code = e.details->>'sub_unit'
 where e.public;
