import Complaints
import HTTP
import HubStore
import Postgres

/// Who may see and act on which case, checked on every request, on the server.
public enum StaffAccess {
    /// The case behind `code` if the account may see it: the one way every staff route that takes a
    /// tracking code (in its path or its body, in any module) reaches a case.
    /// - Parameter forUpdate: lock the case's row for the caller's transaction.
    /// - Returns: nil for a case that is unknown or not visible, alike.
    public static func visibleCase(_ code: String, for account: Account, forUpdate: Bool = false,
                                   on connection: PostgresConnection) throws -> Case? {
        guard let stored = try CaseStore.find(code, on: connection, forUpdate: forUpdate), canSee(account, stored) else { return nil }
        return stored
    }

    /// Like `visibleCase`, for routes that answer a case they cannot show with the same 404.
    /// - Throws: `notFound(code)` for a case that is unknown or not visible.
    public static func requireVisibleCase(_ code: String, for account: Account, forUpdate: Bool = false,
                                          on connection: PostgresConnection) throws -> Case {
        guard let stored = try visibleCase(code, for: account, forUpdate: forUpdate, on: connection) else { throw notFound(code) }
        return stored
    }

    /// The duplicate links of a case, keeping only the codes of cases the account may see (a code
    /// lets its holder answer for the citizen).
    static func visibleLinks(_ links: DuplicateLinks, for account: Account, on connection: PostgresConnection) throws -> DuplicateLinks {
        try links.keeping { try visibleCase($0, for: account, on: connection) != nil }
    }

    /// Inspectors see every case; admins every module's cases but not the inspectorate's (misconduct
    /// reports are the inspectors' alone); everyone else their own module's categories (and area, and
    /// sub-unit: an account of a sub-unit sees only the cases disposed to it).
    static func canSee(_ account: Account, _ stored: Case) -> Bool {
        switch account.role {
        case .inspector:
            return true
        case .admin:
            return !stored.inspectorate
        case .staff, .supervisor, .validator:
            guard account.module == stored.module, !stored.inspectorate else { return false }
            guard account.works(in: stored.subUnit) else { return false }
            if let area = account.area?.lowercased(),
               stored.kelurahan?.lowercased() != area && stored.kecamatan?.lowercased() != area { return false }
            return account.categories.isEmpty || account.categories.contains(stored.category)
        case .villageFrontOffice, .villageSecretary, .villageHead, .districtFrontOffice, .districtServiceHead, .districtHead,
             .districtAdmin:
            // The letter roles work letters, not complaints.
            return false
        }
    }

    /// Disposition is the agency desk's: an account of a sub-unit works what it is given and does not pass it on.
    static func mayDispose(_ account: Account) -> Bool { account.subUnit == nil }

    /// The reporter's contact is shown to nobody when anonymous; otherwise to those who see the case.
    static func canSeeReporter(_ account: Account, _ stored: Case) -> Bool {
        !stored.anonymous && canSee(account, stored)
    }

    /// The case's module fields this account may read: confidential ones (the person in need)
    /// only for the owning module's own accounts.
    static func visibleFields(_ account: Account, _ stored: Case, profile: ModuleProfile) -> [String: String] {
        guard account.module != stored.module else { return stored.moduleFields }
        return stored.moduleFields.filter { profile.field($0.key)?.confidential != true }
    }

    /// The answer for a case that is unknown or that the account may not see: the same 404 for both.
    public static func notFound(_ code: String) -> Refusal { .caseNotFound(code) }
}
