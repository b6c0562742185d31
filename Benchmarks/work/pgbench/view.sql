-- The public view of one complaint in one statement: the case from the public projection, its public
-- timeline and its photos, by tracking code (a random one of the codes work.sh put in
-- bench_view_codes; :codes is how many).
\set n random(1, :codes)
select p.tracking_code, p.category_code, p.category_name_id, p.category_name_en, p.status, p.confidential,
       p.description, p.location, p.kelurahan, p.kecamatan, p.due_at, p.created_at, p.updated_at, p.joined_status,
       (select json_agg(t order by t.at, t.event_id)
          from (select kind, at, actor_role, to_status, note, note_en, event_id
                  from public_timeline where tracking_code = p.tracking_code) t) as timeline,
       (select json_agg(ph order by ph.purpose desc, ph.position)
          from (select position, purpose, media_type from public_photos where tracking_code = p.tracking_code) ph) as photos
  from public_complaints p
 where p.tracking_code = (select code from bench_view_codes where n = :n);
