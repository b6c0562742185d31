import Complaints
import Testing
@testable import Casework

// MARK: the access matrix, written from the rules (StaffAccess, DESIGN.md's privacy rule)

/// The accounts of the matrix, by the name its rows use.
private let accounts: [String: Account] = [
    "inspector": Sample.account(.inspector, nil),
    "admin": Sample.account(.admin, nil),
    "pw staff": Sample.account(.staff),
    "pw supervisor": Sample.account(.supervisor),
    "pw validator": Sample.account(.validator),
    "pw staff of UPT PJU": Sample.account(.staff, subUnit: "dpupr-pju"),
    "pw staff of Sukamaju": Sample.account(.staff, area: "sukamaju"),
    "pw staff of Cibeunying": Sample.account(.staff, area: "CIBEUNYING"),
    "pw staff of one category": Sample.account(.staff, categories: ["pekerjaan-umum"]),
    "social staff": Sample.account(.staff, .social),
    "staff of no module": Sample.account(.staff, nil),
]

/// The cases of the matrix, in the order of its columns.
private let cases: [(name: String, stored: Case)] = [
    ("case", Sample.stored()),
    ("disposed to UPT PJU", Sample.stored(subUnit: "dpupr-pju")),
    ("disposed to roads", Sample.stored(subUnit: "dpupr-jalan")),
    ("inspectorate", Sample.stored(inspectorate: true)),
    ("anonymous", Sample.stored(anonymous: true)),
    ("elsewhere", Sample.stored(kelurahan: "Cipadung", kecamatan: "Cibiru")),
    ("another category", Sample.stored(category: "pju-baru")),
    ("social", Sample.stored(category: "sosial", module: .social)),
]

/// `R`: sees the case and its reporter; `c`: the case but not the reporter; `-`: neither (the same 404
/// as an unknown case). Columns in the order of `cases`.
private let matrix: [(account: String, row: String)] = [
    //                            case  PJU  roads insp  anon  else  cat  social
    ("inspector",                 "R    R    R     R     c     R     R    R"),
    ("admin",                     "R    R    R     -     c     R     R    R"),
    ("pw staff",                  "R    R    R     -     c     R     R    -"),
    ("pw supervisor",             "R    R    R     -     c     R     R    -"),
    ("pw validator",              "R    R    R     -     c     R     R    -"),
    ("pw staff of UPT PJU",       "-    R    -     -     -     -     -    -"),
    ("pw staff of Sukamaju",      "R    R    R     -     c     -     R    -"),
    ("pw staff of Cibeunying",    "R    R    R     -     c     -     R    -"),
    ("pw staff of one category",  "R    R    R     -     c     R     -    -"),
    ("social staff",              "-    -    -     -     -     -     -    R"),
    ("staff of no module",        "-    -    -     -     -     -     -    -"),
]

struct StaffAccessTests {
    @Test(arguments: matrix)
    func whoSeesWhichCaseAndItsReporter(account name: String, row: String) throws {
        let account = try #require(accounts[name])
        let cells = row.split(separator: " ")
        try #require(cells.count == cases.count)
        for ((caseName, stored), cell) in zip(cases, cells) {
            #expect(StaffAccess.canSee(account, stored) == (cell != "-"), "\(name) sees \(caseName)")
            #expect(StaffAccess.canSeeReporter(account, stored) == (cell == "R"), "\(name) sees the reporter of \(caseName)")
        }
    }

    @Test func everyAccountOfTheMatrixHasARow() {
        #expect(Set(matrix.map(\.account)) == Set(accounts.keys))
    }

    @Test func anAnonymousReporterIsHiddenFromEveryRole() {
        for role in Role.allCases {
            #expect(!StaffAccess.canSeeReporter(Sample.account(role, role == .admin || role == .inspector ? nil : .publicWorks),
                                                Sample.stored(anonymous: true)), "\(role)")
        }
    }

    @Test func anAccountOfASubUnitDoesNotDisposeFurther() {
        #expect(StaffAccess.mayDispose(Sample.account(.staff)))
        #expect(StaffAccess.mayDispose(Sample.account(.supervisor)))
        #expect(!StaffAccess.mayDispose(Sample.account(.staff, subUnit: "dpupr-pju")))
    }

    @Test func confidentialModuleFieldsAreTheOwningModulesOnly() {
        let profile = ModuleProfile(fields: [
            ModuleField("problem", id: "Masalah", en: "Problem", kind: .text(maxLength: 100)),
            ModuleField("person", id: "Orang", en: "Person", kind: .text(maxLength: 100), confidential: true),
        ])
        let stored = Sample.stored(category: "sosial", module: .social,
                                   moduleFields: ["problem": "lansia terlantar", "person": "Mbah Sri", "legacy": "lama"])
        #expect(StaffAccess.visibleFields(Sample.account(.staff, .social), stored, profile: profile)
                == ["problem": "lansia terlantar", "person": "Mbah Sri", "legacy": "lama"])
        #expect(StaffAccess.visibleFields(Sample.account(.inspector, nil), stored, profile: profile)
                == ["problem": "lansia terlantar", "legacy": "lama"])
        #expect(StaffAccess.visibleFields(Sample.account(.admin, nil), stored, profile: profile)
                == ["problem": "lansia terlantar", "legacy": "lama"])
    }

    @Test func anUnknownAndAnInvisibleCaseAnswerTheSame404() {
        let answer = StaffAccess.notFound("7QK2M9XW4HNPA")
        #expect(answer.status == 404 && answer.code == "case_not_found")
    }
}
