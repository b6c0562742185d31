import Complaints

extension CategoryChoice {
    /// A stored category as the form offers it, named in the page's language.
    public init(_ category: Category, language: Language) {
        self.init(code: category.code, name: category.name(language),
                  subcategories: category.subcategories.map { ($0.code, $0.name(language)) })
    }
}
