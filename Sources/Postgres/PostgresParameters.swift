/// Statement parameters laid out the way libpq takes them: every value in one contiguous buffer
/// (text NUL-terminated, bytea as raw bytes in binary format), with their lengths and formats.
/// One allocation per statement instead of one per value.
struct PostgresParameters {
    private var storage: [UInt8] = []
    /// Offset of each value in `storage`, nil for SQL NULL.
    private var offsets: [Int?] = []
    private var lengths: [Int32] = []
    private var formats: [Int32] = []

    init(_ parameters: [any PostgresEncodable]) {
        offsets.reserveCapacity(parameters.count)
        lengths.reserveCapacity(parameters.count)
        formats.reserveCapacity(parameters.count)
        for parameter in parameters {
            switch parameter.postgresValue {
            case .null:
                offsets.append(nil); lengths.append(0); formats.append(0)
            case .text(let text):
                offsets.append(storage.count); lengths.append(0); formats.append(0)
                storage.append(contentsOf: text.utf8)
                storage.append(0)
            case .bytes(let bytes):
                offsets.append(storage.count); lengths.append(Int32(bytes.count)); formats.append(1)
                storage.append(contentsOf: bytes)
                storage.append(0)
            }
        }
    }

    var count: Int32 { Int32(offsets.count) }

    /// Calls `body` with the value pointers, lengths and formats, valid only during the call (libpq
    /// copies the values into its output buffer before it returns).
    func withPointers<R>(_ body: (UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?,
                                  UnsafePointer<Int32>?) -> R) -> R {
        storage.withUnsafeBufferPointer { bytes in
            let values: [UnsafePointer<CChar>?] = offsets.map { offset in
                offset.map { UnsafeRawPointer(bytes.baseAddress! + $0).assumingMemoryBound(to: CChar.self) }
            }
            return values.withUnsafeBufferPointer { valuePointers in
                lengths.withUnsafeBufferPointer { lengthPointers in
                    formats.withUnsafeBufferPointer { formatPointers in
                        body(valuePointers.baseAddress, lengthPointers.baseAddress, formatPointers.baseAddress)
                    }
                }
            }
        }
    }
}
