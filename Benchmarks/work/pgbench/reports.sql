-- A page of the open data (GET /api/v1/reports.geojson?limit=1000): the newest listed reports,
-- one more than the page to know whether another follows, as PublicReportStore.page reads them.
select request_id, category_code, category_name_id, category_name_en, subcategory_code, subcategory_name_id,
       subcategory_name_en, hazard, status, kecamatan_code, kecamatan_name, kelurahan_code, kelurahan_name,
       created_at, updated_at, resolved_at, description, location, lat, lon
  from public_reports where listed and true
 order by created_at desc, request_id desc limit 1001;
