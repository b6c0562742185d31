/// A sub-unit of an agency (a UPT or a bidang) that cases are disposed to.
public struct SubUnit: Sendable, Equatable {
    public let code: String
    public let agency: String
    /// The module whose categories the agency serves.
    public let module: ModuleName?
    public let nameID: String
    public let nameEN: String

    public init(code: String, agency: String, module: ModuleName?, nameID: String, nameEN: String) {
        self.code = code
        self.agency = agency
        self.module = module
        self.nameID = nameID
        self.nameEN = nameEN
    }

    public func name(_ language: Language) -> String { language == .en ? nameEN : nameID }
}
