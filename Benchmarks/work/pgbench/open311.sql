-- An Open311 GET requests page: the newest :limit public requests of the last 90 days, with their
-- agency and first photo.
select p.request_id, p.tracking_code, p.category_code, p.category_name_id, p.status, p.confidential,
       p.description, p.location, p.lat, p.lon, p.kelurahan, p.kecamatan, p.due_at, p.created_at, p.updated_at,
       r.agency_code, a.name_id as agency_name_id,
       (select min(ph.id) from public_photos ph where ph.request_id = p.request_id and ph.purpose = 'report') as photo_id
  from public_complaints p
  left join category_routes r on r.category_code = p.category_code
  left join agencies a on a.code = r.agency_code
 where p.created_at >= now() - interval '90 days' and p.created_at <= now()
 order by p.created_at desc, p.request_id desc
 limit :limit;
