-- Areas as real geography (issue 17): the kecamatan and desa/kelurahan of `regions` gain their
-- boundaries, loaded by `hubctl areas import FILE.geojson`, and every complaint the codes of the
-- kecamatan and desa/kelurahan it lies in, decided at submission from its point (PostGIS point in
-- polygon) or, without a point, from its typed names matched to the reference list. Browsing,
-- statistics, exports and staff queues filter by these codes, never by typed text.

-- Planar geometry in WGS 84, as the boundaries arrive in GeoJSON; a MultiPolygon so that a desa with
-- an enclave or islands is one region. Point in polygon goes through the GiST index.
alter table regions add column boundary geometry(MultiPolygon, 4326);
create index regions_boundary on regions using gist (boundary);

-- A region loaded from its boundary has no letterhead until one is imported from the CSV; letters
-- name the region then, without an address.
alter table regions alter column address drop not null;

-- Null where neither the point nor the names place the complaint in a known region.
alter table complaints
    add column kecamatan_code text references regions,
    add column kelurahan_code text references regions;
