import Complaints
import Testing

struct AccountTests {
    func account(_ role: Role, _ module: ModuleName?) -> Account {
        Account(id: 1, login: "uji", role: role, module: module, categories: [], area: nil, subUnit: nil, active: true)
    }

    @Test(arguments: [
        (Role.staff, ModuleName?.some(.publicWorks), ModuleName.publicWorks), (.supervisor, .kir, .kir), (.validator, .social, .social),
        (.inspector, nil, .intake), (.admin, nil, .intake), (.admin, .tourism, .intake), (.staff, nil, .intake),
    ])
    func theQueueIsServedByTheAccountsModuleOrByIntakeForThoseWhoSeeEveryModule(role: Role, module: ModuleName?, served: ModuleName) {
        #expect(account(role, module).queueModule == served)
    }
}
