/// The public statistics of one query: the figures per agency, per category and for the whole
/// selection, and the weekly trend (received and resolved per week).
public struct StatisticsReport: Sendable, Equatable {
    /// Whether a row is an agency's or a category's.
    public enum Kind: String, Sendable {
        case agency, category
    }

    /// One agency's or category's figures, with its code and names.
    public struct Row: Sendable, Equatable {
        public let kind: Kind
        public let code: String
        public let nameID: String
        public let nameEN: String
        public let figures: StatisticsFigures

        public init(kind: Kind, code: String, nameID: String, nameEN: String, figures: StatisticsFigures) {
            self.kind = kind
            self.code = code
            self.nameID = nameID
            self.nameEN = nameEN
            self.figures = figures
        }

        public func name(_ language: Language) -> String { language == .en ? nameEN : nameID }
    }

    /// One week of the trend, by its Monday (the first and last weeks may be cut by the period).
    public struct Week: Sendable, Equatable {
        public let start: LocalDay
        public let received: Int
        public let resolved: Int

        public init(start: LocalDay, received: Int, resolved: Int) {
            self.start = start
            self.received = received
            self.resolved = resolved
        }
    }

    public let query: StatisticsQuery
    public let total: StatisticsFigures
    public let agencies: [Row]
    public let categories: [Row]
    public let weeks: [Week]

    public init(query: StatisticsQuery, total: StatisticsFigures, agencies: [Row], categories: [Row], weeks: [Week]) {
        self.query = query
        self.total = total
        self.agencies = agencies
        self.categories = categories
        self.weeks = weeks
    }

    /// Every row, agencies first.
    public var rows: [Row] { agencies + categories }
}
