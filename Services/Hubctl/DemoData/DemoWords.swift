/// The words demo complaints are made of: what citizens report per category, streets, names.
enum DemoWords {
    static let problems: [String: [String]] = [
        "perizinan": ["Pengurusan izin usaha mikro sudah dua minggu belum ada kabar", "Persyaratan PBG berbeda dengan yang tertulis di situs",
                      "Antrean loket perizinan sangat panjang dan tidak ada nomor antrean"],
        "kesehatan": ["Puskesmas tutup lebih awal dari jam layanan", "Obat di apotek puskesmas kosong sejak minggu lalu",
                      "Pelayanan BPJS di rumah sakit daerah dipersulit"],
        "pendidikan": ["Pungutan seragam di sekolah negeri memberatkan orang tua", "Atap ruang kelas bocor saat hujan",
                       "Pendaftaran PPDB zonasi tidak transparan"],
        "ketenagakerjaan": ["Upah dibayar di bawah UMK", "Pelatihan kerja yang dijanjikan tidak jadi dilaksanakan",
                            "Perusahaan tidak mendaftarkan pekerja ke BPJS Ketenagakerjaan"],
        "komoditas": ["Harga minyak goreng di pasar jauh di atas HET", "Stok gas elpiji 3 kg kosong di pangkalan",
                      "Harga beras naik tajam dalam seminggu"],
        "aspirasi": ["Usulan pembangunan taman bermain anak di lingkungan kami", "Mohon DPRD meninjau kenaikan tarif parkir"],
        "kependudukan": ["KTP elektronik belum jadi setelah tiga bulan", "Akta kelahiran anak salah penulisan nama",
                         "Blanko KTP habis di kantor kecamatan", "Pindah domisili ditolak tanpa alasan jelas", "KIA belum bisa dicetak"],
        "trantibum": ["Pedagang kaki lima menutup trotoar", "Kebisingan dari tempat hiburan sampai larut malam",
                      "Parkir liar di depan sekolah"],
        "pekerjaan-umum": ["Jalan berlubang besar membahayakan pengendara motor", "Lampu PJU mati sudah seminggu, jalan gelap",
                           "Saluran drainase tersumbat, air meluap ke jalan", "Jembatan kecil retak dan pagarnya patah",
                           "Tiang lampu jalan miring hampir roboh", "Trotoar rusak dan ubinnya lepas", "Gorong-gorong ambles"],
        "perhubungan": ["Jadwal uji KIR tidak sesuai pendaftaran", "Biaya uji KIR tidak sesuai tarif resmi",
                        "Rambu lalu lintas tertutup pohon", "Angkot ngetem sembarangan di persimpangan"],
        "sosial": ["Lansia hidup sendiri tanpa bantuan", "Bantuan sosial tidak tepat sasaran di RT kami",
                   "Anak jalanan di persimpangan lampu merah"],
        "pariwisata": ["Toilet di objek wisata kotor dan rusak", "Tarif masuk tempat wisata tidak sesuai papan harga",
                       "Petunjuk arah ke lokasi wisata hilang"],
        "administrasi": ["Surat keterangan domisili dari kelurahan lama diproses", "Pelayanan di kantor kelurahan tidak ramah",
                         "Legalisir dokumen dipungut biaya"],
    ]
    static let fallbackProblem = "Mohon ditindaklanjuti"
    static let streets = ["Jl. Pajajaran", "Jl. Suryakencana", "Jl. Juanda", "Jl. Sudirman", "Jl. Ahmad Yani", "Jl. Pemuda",
                          "Jl. Merdeka", "Jl. Dr. Semeru", "Jl. Padjadjaran", "Jl. Raya Tajur", "Jl. Kapten Muslihat",
                          "Jl. Siliwangi", "Jl. Soleh Iskandar", "Jl. Raya Cilebut", "Jl. Batutulis", "Jl. Empang", "Gg. Mawar",
                          "Jl. Cemara", "Jl. Veteran", "Jl. Pahlawan"]
    static let firstNames = ["Ani", "Budi", "Citra", "Dedi", "Euis", "Fajar", "Gita", "Hendra", "Indah", "Joko", "Kurnia",
                             "Lestari", "Maman", "Nining", "Oki", "Putri", "Rahmat", "Siti", "Taufik", "Ujang", "Wati", "Yusuf"]
    static let lastNames = ["Suryadi", "Hidayat", "Permana", "Lestari", "Nugraha", "Rahayu", "Saputra", "Wulandari",
                            "Kusnadi", "Setiawan", "Maulana", "Fitriani", "Gunawan", "Sari"]
    static let resolutions = ["Sudah diperbaiki oleh petugas lapangan", "Sudah ditindaklanjuti sesuai prosedur",
                              "Petugas sudah turun ke lokasi dan masalah selesai", "Telah dikoordinasikan dengan instansi terkait"]
    static let rejections = ["Bukan kewenangan pemerintah kota", "Laporan kurang jelas, lokasi tidak dapat ditemukan",
                             "Laporan di luar wilayah layanan"]
    static let postponements = ["Menunggu anggaran perubahan", "Menunggu musim kemarau untuk pengerjaan",
                                "Menunggu pengadaan material"]
}
