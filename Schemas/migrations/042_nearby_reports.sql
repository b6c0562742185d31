-- The open public reports near a point (issue 17: the form lists them before a citizen files, so
-- they can follow one instead of filing again). The same reports as public_reports lists (neither
-- confidential nor with the inspectorate, no part of a fanned-out request), only the open ones with
-- a point, with their PostGIS point: its condition implies complaints_open_geo_point's (migration
-- 018), so `ST_DWithin` and the `<->` order go through that GiST index.
create view public_open_report_points as
select c.id as request_id, c.category_code, c.geo_point
  from complaints c
 where c.parent_id is null and not c.confidential and not c.inspectorate
   and c.status not in ('closed', 'rejected', 'duplicate') and c.geo_point is not null;

grant select on public_open_report_points to hub_cap_public;
