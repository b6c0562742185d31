import CLibPQ

/// The complete result of one statement. Cells stay in libpq's result until read, and only the
/// cells a caller reads become Swift strings.
public struct PostgresRows: Sendable, RandomAccessCollection {
    @usableFromInline let result: PostgresResult?
    /// Rows changed by INSERT, UPDATE or DELETE (0 for other statements).
    public let affectedRows: Int

    init(result: PostgresResult?, affectedRows: Int) {
        self.result = result
        self.affectedRows = affectedRows
    }

    /// Column names in order.
    public var columns: [String] { result?.columns ?? [] }

    public var startIndex: Int { 0 }
    public var endIndex: Int { result?.rowCount ?? 0 }
    public subscript(position: Int) -> PostgresRow { PostgresRow(rows: self, position: position) }
}

/// One row of a result; read columns by name with the type you expect.
public struct PostgresRow: Sendable {
    @usableFromInline let rows: PostgresRows
    @usableFromInline let position: Int

    /// Reads a column. Inlinable, so that each caller's module specializes it for the types it reads
    /// (unspecialized, looking up `Optional<String>`'s metadata per cell took a third of a page's time).
    /// - Throws: `PostgresError.missingColumn` or `.decoding` when the value does not fit `type`.
    @inlinable public func decode<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let result = rows.result, let index = result.index(of: column) else { throw PostgresError.missingColumn(column) }
        let text = result.text(row: position, column: index)
        guard let value = T.decode(postgresText: text) else {
            throw PostgresError.decoding(column: column, expected: String(describing: T.self), value: text)
        }
        return value
    }

    /// The raw text of a column, nil for NULL.
    public subscript(column: String) -> String? {
        guard let result = rows.result, let index = result.index(of: column) else { return nil }
        return result.text(row: position, column: index)
    }
}

/// A libpq result with rows, kept until the last `PostgresRows` reading it is gone. libpq never
/// changes a result once made, so any thread may read it.
@usableFromInline final class PostgresResult: @unchecked Sendable {
    private let handle: OpaquePointer
    let rowCount: Int
    let columns: [String]
    /// Built only where many lookups repay it (several rows of many columns); otherwise a scan of
    /// a few short names is cheaper than hashing.
    private let columnIndex: [String: Int]?

    /// Takes ownership of a `PGRES_TUPLES_OK` result.
    init(taking handle: OpaquePointer) {
        self.handle = handle
        rowCount = Int(PQntuples(handle))
        let columnCount = Int(PQnfields(handle))
        columns = (0..<columnCount).map { String(cString: PQfname(handle, Int32($0))) }
        if rowCount > 1, columnCount > 8 {
            var index = [String: Int](minimumCapacity: columnCount)
            for (position, name) in columns.enumerated() where index[name] == nil { index[name] = position }
            columnIndex = index
        } else {
            columnIndex = nil
        }
    }

    deinit { PQclear(handle) }

    /// The first column of this name.
    @usableFromInline func index(of column: String) -> Int? {
        if let columnIndex { return columnIndex[column] }
        return columns.firstIndex(of: column)
    }

    /// A cell's text, nil for NULL.
    @usableFromInline func text(row: Int, column: Int) -> String? {
        let (row, column) = (Int32(row), Int32(column))
        if PQgetisnull(handle, row, column) == 1 { return nil }
        let length = Int(PQgetlength(handle, row, column))
        return String(decoding: UnsafeRawBufferPointer(start: PQgetvalue(handle, row, column), count: length), as: UTF8.self)
    }
}
