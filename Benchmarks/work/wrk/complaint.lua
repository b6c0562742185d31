-- Random complaints, each distinct: joined after prelude.lua by the submission scripts, which post
-- them to `submit_path` (wrk's first script argument). Descriptions and places vary, and coordinates
-- spread over about 33 × 33 km, so the duplicate search (same category within 50 m and 7 days) joins
-- only the odd pair. BENCH_CATEGORIES lists the category codes (comma-separated) the hub knows.
local categories = {}
for code in (os.getenv("BENCH_CATEGORIES") or "pekerjaan-umum"):gmatch("[^,]+") do categories[#categories + 1] = code end

local problems = {
    "Jalan berlubang cukup dalam", "Lampu penerangan jalan mati", "Saluran air tersumbat sampah",
    "Sampah menumpuk berhari-hari", "Trotoar rusak dan membahayakan pejalan kaki", "Pohon tumbang menutup jalan",
    "Pelayanan puskesmas lambat", "Antrean KTP tidak tertib", "Harga minyak goreng naik tajam",
    "Pedagang kaki lima menutup jalan", "Jembatan kayu lapuk", "Banjir setinggi lutut setelah hujan",
    "Angkutan umum ngetem sembarangan", "Fasilitas wisata kotor", "Warga lansia belum menerima bantuan",
}
local streets = {
    "Merdeka", "Sudirman", "Diponegoro", "Gatot Subroto", "Ahmad Yani", "Pahlawan", "Veteran", "Kartini",
    "Pemuda", "Siliwangi", "Cendrawasih", "Melati", "Mawar", "Kenanga", "Flamboyan", "Pattimura",
}
local places = {
    {"Sukamaju", "Kota"}, {"Sukajadi", "Kota"}, {"Cibeber", "Selatan"}, {"Mekarsari", "Utara"},
    {"Tanjungsari", "Timur"}, {"Karangtengah", "Barat"}, {"Sindangsari", "Selatan"}, {"Margahayu", "Timur"},
}

local serial = 0

function init(args)
    seed_thread()
    submit_path = args[1]
end

-- One complaint's fields, as text.
function random_complaint()
    serial = serial + 1
    local street = streets[math.random(#streets)]
    local place = places[math.random(#places)]
    return {
        category = categories[math.random(#categories)],
        description = string.format("%s di Jalan %s nomor %d, sudah %d hari (laporan %d-%d-%d).",
            problems[math.random(#problems)], street, math.random(1, 300), math.random(1, 30), id or 0, serial,
            math.random(1, 1000000000)),
        location = string.format("Jl. %s %d, dekat %s", street, math.random(1, 200), place[1]),
        kelurahan = place[1],
        kecamatan = place[2],
        lat = string.format("%.6f", -6.40 + math.random() * 0.30),
        lon = string.format("%.6f", 106.70 + math.random() * 0.30),
    }
end
