/// The names of the statements one connection has prepared, by SQL text. Bounded: when full, the
/// least recently used quarter leaves and its names wait in `retired` until the connection can
/// DEALLOCATE them (outside a transaction, where a failing DEALLOCATE harms nothing). A pure value:
/// the connection does the talking.
struct PreparedStatementCache {
    /// The most statements kept; 0 turns named statements off (every `query` is parsed afresh).
    let capacity: Int
    /// Names made unique to the connection, so that a pooler that moved the session to another
    /// server connection never finds another client's statement under the same name.
    private let prefix: String
    private var entries: [String: Entry] = [:]
    private var nextNumber = 1
    private var clock = 0
    /// Names evicted but perhaps still prepared on the server.
    private(set) var retired: [String] = []

    private struct Entry {
        let name: String
        var lastUse: Int
    }

    init(capacity: Int, prefix: String) {
        self.capacity = max(0, capacity)
        self.prefix = prefix
    }

    var count: Int { entries.count }

    /// The name `sql` is prepared under, or nil when it is not (yet); marks it used.
    mutating func name(for sql: String) -> String? {
        guard entries[sql] != nil else { return nil }
        clock += 1
        entries[sql]!.lastUse = clock
        return entries[sql]!.name
    }

    /// Gives `sql` a fresh name, evicting the least recently used statements when full.
    /// - Returns: the name to prepare it under, or nil when the cache is off.
    mutating func add(_ sql: String) -> String? {
        guard capacity > 0 else { return nil }
        if let old = entries.removeValue(forKey: sql) { retired.append(old.name) }
        if entries.count >= capacity {
            let oldest = entries.sorted { $0.value.lastUse < $1.value.lastUse }.prefix(max(1, capacity / 4))
            for (text, entry) in oldest {
                entries[text] = nil
                retired.append(entry.name)
            }
        }
        let name = "\(prefix)\(nextNumber)"
        nextNumber += 1
        clock += 1
        entries[sql] = Entry(name: name, lastUse: clock)
        return name
    }

    /// Forgets `sql` whose statement failed to prepare (it never existed on the server).
    mutating func forget(_ sql: String) {
        entries[sql] = nil
    }

    /// Forgets `sql` whose statement exists but must not run again (its plan is stale).
    mutating func retire(_ sql: String) {
        if let entry = entries.removeValue(forKey: sql) { retired.append(entry.name) }
    }

    /// Forgets every statement: the server no longer has them (DISCARD ALL, another server).
    mutating func removeAll() {
        entries.removeAll()
        retired.removeAll()
    }

    /// Takes the retired names for DEALLOCATE.
    mutating func takeRetired() -> [String] {
        defer { retired.removeAll() }
        return retired
    }
}
