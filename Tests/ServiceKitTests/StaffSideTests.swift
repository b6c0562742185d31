import ServiceKit
import Testing

struct StaffSideTests {
    @Test(arguments: ["/staff", "/staff/", "/staff/cases/7QK2M9XW4HNPA", "/staff/login", "/staff/accounts/budi/disable"])
    func staffPages(path: String) {
        #expect(StaffSide.isPage(path) && !StaffSide.isAPI(path) && StaffSide.contains(path))
    }

    @Test(arguments: ["/api/v1/staff/login", "/api/v1/staff/queue", "/api/v1/staff/cases/7QK2M9XW4HNPA/claim", "/api/v1/staff/desk/complaints"])
    func staffAPI(path: String) {
        #expect(StaffSide.isAPI(path) && !StaffSide.isPage(path) && StaffSide.contains(path))
    }

    @Test(arguments: ["/", "/staffing", "/staff-login", "/track/7QK2M9XW4HNPA", "/api/v1/staff", "/api/v1/staffing/x", "/api/v1/complaints",
                      "/open311/v2/requests.json", "/static/staff/", "/STAFF/", "-", ""])
    func everythingElseIsTheCitizensSide(path: String) {
        #expect(!StaffSide.contains(path) && !StaffSide.isPage(path) && !StaffSide.isAPI(path))
    }
}
