-- Open311 lists every public request, so its ids must not be tracking codes (the only handle an
-- anonymous reporter has). The public projection gains a plain request id and, for complaints that
-- are not confidential, their coordinates; it no longer carries the code of the case a duplicate
-- joined. Request lists by time need their own index.

drop view public_complaints;
create view public_complaints as
select c.id as request_id,
       c.tracking_code,
       c.category_code,
       cat.name_id as category_name_id,
       cat.name_en as category_name_en,
       c.status,
       c.confidential,
       case when c.confidential then null else c.description end as description,
       case when c.confidential then null else c.location end as location,
       case when c.confidential then null else c.lat end as lat,
       case when c.confidential then null else c.lon end as lon,
       c.kelurahan,
       c.kecamatan,
       c.due_at,
       c.created_at,
       c.updated_at,
       joined.status as joined_status
  from complaints c
  join categories cat on cat.code = c.category_code
  left join complaints joined on joined.id = c.duplicate_of;

drop view public_photos;
create view public_photos as
select c.tracking_code, c.id as request_id, p.id, p.position, p.purpose, p.media_type, p.bytes
  from complaint_photos p
  join complaints c on c.id = p.complaint_id
 where not c.confidential;

create index complaints_created on complaints (created_at);
