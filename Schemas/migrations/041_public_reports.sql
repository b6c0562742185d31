-- What the public sees of the reports (issue 17): the list /laporan, the map /peta, the exports
-- (reports.geojson, reports.csv) and the feeds per area read this view only. A report is named by
-- its public request id (Open311's service_request_id, migration 005), never by its tracking code,
-- the only handle an anonymous reporter has. The view carries no reporter, no contact and no staff.
--
-- A report is *listed* when it is neither confidential nor handed to the inspectorate (a misconduct
-- report names officials: the inspectors' queue alone sees it). Every report that is not listed is
-- still counted by area, category and status, but the view gives it no text, no place and no point.
-- The parts of a request that fans out (migration 029) are the agencies' share of their parent, not
-- reports of their own: the parent stands for them.
create view public_reports as
select c.id as request_id,
       (not c.confidential and not c.inspectorate) as listed,
       c.category_code,
       cat.name_id as category_name_id,
       cat.name_en as category_name_en,
       c.subcategory_code,
       sub.name_id as subcategory_name_id,
       sub.name_en as subcategory_name_en,
       coalesce(sub.hazard, false) as hazard,
       c.status,
       c.kecamatan_code,
       kec.name as kecamatan_name,
       c.kelurahan_code,
       kel.name as kelurahan_name,
       c.created_at,
       c.updated_at,
       c.resolved_at,
       case when c.confidential or c.inspectorate then null else c.description end as description,
       case when c.confidential or c.inspectorate then null else c.location end as location,
       case when c.confidential or c.inspectorate then null else c.lat end as lat,
       case when c.confidential or c.inspectorate then null else c.lon end as lon
  from complaints c
  join categories cat on cat.code = c.category_code
  left join subcategories sub on sub.category_code = c.category_code and sub.code = c.subcategory_code
  left join regions kec on kec.code = c.kecamatan_code
  left join regions kel on kel.code = c.kelurahan_code
 where c.parent_id is null;

-- The same reports for counting only: no joins, so a count or a tally per area and category is read
-- from an index alone (the counts of confidential reports, the hotspots).
create view public_report_tallies as
select (not c.confidential and not c.inspectorate) as listed, c.category_code, c.subcategory_code, c.status,
       c.kecamatan_code, c.kelurahan_code
  from complaints c
 where c.parent_id is null;

-- A listed report's public timeline and photos by its request id, so its public page needs no code.
create view public_report_events as
select c.id as request_id, e.id as event_id, e.kind, e.at, e.actor_role, e.to_status, e.note,
       coalesce(s.name_en, a.name_en) as note_en
  from complaint_events e
  join complaints c on c.id = e.complaint_id
  left join sub_units s on e.kind = 'disposed' and s.code = e.details->>'sub_unit'
  left join agencies a on e.kind in ('forwarded', 'forward_accepted', 'forward_returned') and a.code = e.details->>'agency'
 where e.public and not c.confidential and not c.inspectorate and c.parent_id is null;

create view public_report_photos as
select c.id as request_id, p.id as photo_id, p.position, p.purpose, p.media_type
  from complaint_photos p
  join complaints c on c.id = p.complaint_id
 where not c.confidential and not c.inspectorate and c.parent_id is null and p.purpose <> 'reply';

-- The map's shapes: each region's boundary simplified for drawing (tolerance in degrees, from the
-- reader's scale), without the letterhead's address and logo.
create view public_regions as
select code, kind, district_code, name, boundary from regions;

grant select on public_reports, public_report_tallies, public_report_events, public_report_photos, public_regions to hub_cap_public;

-- The list and the exports walk newest first (created_at, request id) with a keyset and stop after a
-- page, filtered by desa/kelurahan, kecamatan, category or status: one index each over the listed
-- reports (the predicate is the view's own, so the planner proves it), each ending in the order.
create index complaints_listed_newest on complaints (created_at, id)
    where parent_id is null and not confidential and not inspectorate;
create index complaints_listed_kelurahan on complaints (kelurahan_code, created_at, id)
    where parent_id is null and not confidential and not inspectorate;
create index complaints_listed_kecamatan on complaints (kecamatan_code, created_at, id)
    where parent_id is null and not confidential and not inspectorate;
create index complaints_listed_category on complaints (category_code, created_at, id)
    where parent_id is null and not confidential and not inspectorate;
create index complaints_listed_status on complaints (status, created_at, id)
    where parent_id is null and not confidential and not inspectorate;

-- "N confidential reports in this area": counted from the index alone, by kecamatan then desa.
create index complaints_unlisted_by_area on complaints (kecamatan_code, kelurahan_code, category_code, status)
    where parent_id is null and (confidential or inspectorate);

-- The hotspots: open reports (confidential ones too, counted) per desa and category, from the index alone.
create index complaints_open_by_kelurahan on complaints (kelurahan_code, category_code, subcategory_code)
    where parent_id is null and status not in ('closed', 'rejected', 'duplicate');
