/// The complete result of one statement, copied out of libpq so it outlives the result handle.
public struct PostgresRows: Sendable, RandomAccessCollection {
    /// Column names in order.
    public let columns: [String]
    let columnIndex: [String: Int]
    let cells: [[String?]]
    /// Rows changed by INSERT, UPDATE or DELETE (0 for other statements).
    public let affectedRows: Int

    init(columns: [String], cells: [[String?]], affectedRows: Int) {
        self.columns = columns
        self.cells = cells
        self.affectedRows = affectedRows
        var index = [String: Int]()
        for (position, name) in columns.enumerated() where index[name] == nil { index[name] = position }
        self.columnIndex = index
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { cells.count }
    public subscript(position: Int) -> PostgresRow { PostgresRow(rows: self, position: position) }
}

/// One row of a result; read columns by name with the type you expect.
public struct PostgresRow: Sendable {
    let rows: PostgresRows
    let position: Int

    /// Reads a column.
    /// - Throws: `PostgresError.missingColumn` or `.decoding` when the value does not fit `type`.
    public func decode<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let index = rows.columnIndex[column] else { throw PostgresError.missingColumn(column) }
        let text = rows.cells[position][index]
        guard let value = T.decode(postgresText: text) else {
            throw PostgresError.decoding(column: column, expected: String(describing: T.self), value: text)
        }
        return value
    }

    /// The raw text of a column, nil for NULL.
    public subscript(column: String) -> String? {
        guard let index = rows.columnIndex[column] else { return nil }
        return rows.cells[position][index]
    }
}
