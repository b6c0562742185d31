-- The reports near a point (GET /api/v1/reports/nearby), at a random point of the demo region
-- (Kota Bogor's extent), as PublicReportStore.nearby reads them.
\set lat random(-6660000, -6530000)
\set lon random(106720000, 106850000)
with here as (select ST_SetSRID(ST_MakePoint(:lon / 1000000.0, :lat / 1000000.0), 4326)::geography as point),
near as (
    select n.request_id as near_id, round(ST_Distance(n.geo_point, here.point))::int as distance_m
      from public_open_report_points n, here
     where ST_DWithin(n.geo_point, here.point, 200) and (null::text is null)
     order by n.geo_point <-> here.point
     limit 5
)
select request_id, category_code, category_name_id, category_name_en, subcategory_code, subcategory_name_id,
       subcategory_name_en, hazard, status, kecamatan_code, kecamatan_name, kelurahan_code, kelurahan_name,
       created_at, updated_at, resolved_at, description, location, lat, lon, distance_m
  from public_reports join near on request_id = near_id
 order by distance_m, request_id;
