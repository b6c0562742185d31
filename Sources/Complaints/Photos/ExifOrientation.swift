/// The one Exif field a viewer needs: how to turn the pixels upright. Phones store a portrait
/// photo as the sensor saw it and say "rotate 90°" in Exif; without that the published photo lies
/// on its side. Everything else in Exif (GPS position, owner, device, times) is dropped.
enum ExifOrientation {
    /// The orientation (2–8; 1 is upright and needs nothing) in IFD0 of a TIFF structure, or nil
    /// when there is none or the structure cannot be read (the Exif is dropped either way).
    static func read(tiff: ArraySlice<UInt8>) -> UInt8? {
        let bytes = Array(tiff)
        guard bytes.count >= 8 else { return nil }
        let bigEndian: Bool
        switch (bytes[0], bytes[1]) {
        case (0x4D, 0x4D): bigEndian = true
        case (0x49, 0x49): bigEndian = false
        default: return nil
        }
        func integer16(_ offset: Int) -> Int { bigEndian ? bytes.bigEndian16(at: offset) : bytes.littleEndian16(at: offset) }
        func integer32(_ offset: Int) -> Int { bigEndian ? bytes.bigEndian32(at: offset) : bytes.littleEndian32(at: offset) }
        let directory = integer32(4)
        guard integer16(2) == 42, directory >= 8, directory + 2 <= bytes.count else { return nil }
        let entries = integer16(directory)
        for entry in 0..<entries {
            let offset = directory + 2 + 12 * entry
            guard offset + 12 <= bytes.count else { return nil }
            // Tag 0x0112 Orientation: type SHORT (3), count 1, the value in the first two bytes of the value field.
            if integer16(offset) == 0x0112 {
                guard integer16(offset + 2) == 3, integer32(offset + 4) == 1 else { return nil }
                let value = integer16(offset + 8)
                return (2...8).contains(value) ? UInt8(value) : nil
            }
        }
        return nil
    }

    /// A big-endian TIFF structure whose IFD0 holds only `orientation`.
    static func tiff(_ orientation: UInt8) -> [UInt8] {
        Array("MM".utf8) + [0, 42, 0, 0, 0, 8] + [0, 1] + [0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0] + [0, 0, 0, 0]
    }
}
