/// A service category with its routing and subcategories, as seeded in the schema.
public struct Category: Sendable {
    public let code: String
    public let nameID: String
    public let nameEN: String
    public let keyword: String
    public let module: ModuleName
    public let agency: String
    public let subcategories: [Subcategory]

    public init(code: String, nameID: String, nameEN: String, keyword: String, module: ModuleName, agency: String,
                subcategories: [Subcategory]) {
        self.code = code
        self.nameID = nameID
        self.nameEN = nameEN
        self.keyword = keyword
        self.module = module
        self.agency = agency
        self.subcategories = subcategories
    }

    public func name(_ language: Language) -> String { language == .en ? nameEN : nameID }
}

/// A finer kind of complaint within a category.
public struct Subcategory: Sendable {
    public let code: String
    public let nameID: String
    public let nameEN: String

    public init(code: String, nameID: String, nameEN: String) {
        self.code = code
        self.nameID = nameID
        self.nameEN = nameEN
    }

    public func name(_ language: Language) -> String { language == .en ? nameEN : nameID }
}

extension Subcategory {
    /// Whether reports of this subcategory are about a streetlight (PJU), so they may name its pole:
    /// the seeded `pju`, `pju-ilegal` and `usulan-pju`, and any a region adds with `pju` as a word of its code.
    public static func isStreetlight(_ code: String) -> Bool {
        code.split(separator: "-").contains("pju")
    }
}
