import Complaints
import Testing

/// Who manages which accounts, as a table: the operator every role, admins every role but
/// inspectors, inspectors inspectors only, nobody else any.
struct AccountManagerTests {
    static let table: [(manager: AccountManager, roles: Set<Role>)] = [
        (.operator, Set(Role.allCases)),
        (.account(id: 1, role: .admin), Set(Role.allCases).subtracting([.inspector])),
        (.account(id: 2, role: .inspector), [.inspector]),
        (.account(id: 3, role: .staff), []),
        (.account(id: 4, role: .supervisor), []),
        (.account(id: 5, role: .validator), []),
    ]

    @Test(arguments: table.indices)
    func eachManagerManagesExactlyItsRoles(index: Int) {
        let (manager, roles) = Self.table[index]
        for role in Role.allCases {
            #expect(manager.manages(role) == roles.contains(role), "\(manager) managing \(role)")
        }
        #expect(manager.managesAccounts == !roles.isEmpty)
        #expect(Set(manager.managedRoles) == roles)
    }

    @Test func adminsDoNotCreateOrManageInspectors() {
        #expect(!AccountManager.account(id: 1, role: .admin).manages(.inspector))
        #expect(AccountManager.account(id: 1, role: .inspector).manages(.inspector))
        #expect(AccountManager.operator.manages(.inspector))
    }

    @Test func theOperatorIsAuditedAsOperator() {
        #expect(AccountManager.operator.auditRole == "operator" && AccountManager.operator.accountID == nil)
        #expect(AccountManager.account(id: 7, role: .admin).auditRole == "admin")
        #expect(AccountManager.account(id: 7, role: .admin).accountID == 7)
    }
}
