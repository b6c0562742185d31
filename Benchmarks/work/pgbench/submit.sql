-- Submitting a complaint, as a plain service writes it: one transaction storing the complaint, its
-- first timeline event and the message that hands it to its module (work.sh binds :category,
-- :module and :agency to one route of the routing table). The tracking code is 13 hex digits from a
-- random 52-bit number (the hub's alphabet holds 0-9 and A-F). The message goes to a queue of its
-- own, which no module reads; work.sh deletes these rows after the run.
\set r random(0, 4503599627370495)
\set lat random(-6400000, -6100000)
\set lon random(106700000, 107000000)
begin;
insert into complaints (tracking_code, category_code, module_code, agency_code, channel_code, description, location,
                        kelurahan, kecamatan, lat, lon, anonymous, confidential)
values (upper(lpad(to_hex(:r::bigint), 13, '0')), :category, :module, :agency, 'api',
        'pgbench: Jalan berlubang cukup dalam di Jalan Merdeka, laporan ' || :r::text, 'Jl. Merdeka 12, dekat Sukamaju',
        'Sukamaju', 'Kota', :lat / 1e6, :lon / 1e6, true, false)
returning id \gset
insert into complaint_events (complaint_id, kind, actor_role, public, to_status, details)
values (:id, 'submitted', 'citizen', true, 'received', '{"channel": "api"}');
insert into queue_messages (queue, payload, dedupe_key)
values ('bench.pgbench', jsonb_build_object('type', 'complaint.received', 'complaint_id', :id::bigint), 'received:' || :id::text);
commit;
