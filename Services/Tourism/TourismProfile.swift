import Complaints

/// Tourism's own fields: the destination, the facility, and what the complaint is about.
enum TourismProfile {
    static let profile = ModuleProfile(fields: [
        ModuleField("destination", id: "Destinasi wisata", en: "Destination", kind: .text(maxLength: 200)),
        ModuleField("facility", id: "Fasilitas", en: "Facility", kind: .choice([
            ("toilet", "Toilet", "Toilets"), ("parking", "Parkir", "Parking"), ("access_road", "Jalan akses", "Access road"),
            ("cleanliness", "Kebersihan", "Cleanliness"), ("security", "Keamanan", "Security"), ("ticketing", "Loket tiket", "Ticketing"),
            ("guide", "Pemandu wisata", "Guides"), ("other", "Lainnya", "Other"),
        ])),
        ModuleField("issue", id: "Pokok pengaduan", en: "Complaint about", kind: .choice([
            ("service", "Pelayanan", "Service"), ("pricing", "Harga atau pungutan", "Prices or charges"),
            ("facility", "Kondisi fasilitas", "State of a facility"), ("safety", "Keselamatan", "Safety"),
        ])),
    ])
}
