-- The list's first page (GET /laporan): twenty listed reports newest first (one more for the next
-- link), the count of the unlisted ones (capped), as PublicReportStore reads them.
select request_id, category_code, category_name_id, category_name_en, subcategory_code, subcategory_name_id,
       subcategory_name_en, hazard, status, kecamatan_code, kecamatan_name, kelurahan_code, kelurahan_name,
       created_at, updated_at, resolved_at, description, location, lat, lon
  from public_reports where listed and true
 order by created_at desc, request_id desc limit 21;
select count(*)::bigint as n from (select 1 from public_report_tallies where not listed and true limit 10001) counted;
