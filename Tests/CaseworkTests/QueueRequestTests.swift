import Complaints
import HTTP
import Testing
@testable import Casework

struct QueueRequestTests {
    /// The agencies and sub-units the schema knows, for the `exists` question.
    static func exists(_ reference: QueueRequest.Reference) -> Bool {
        switch reference {
        case .agency(let code): return ["dpupr", "dinsos"].contains(code)
        case .subUnit(let code): return ["dpupr-pju", "dpupr-jalan"].contains(code)
        }
    }

    func filter(_ account: Account, _ query: [String: String] = [:]) throws -> QueueFilter {
        try QueueRequest.filter(for: account, query: { query[$0] }, exists: Self.exists)
    }

    func refusal(_ account: Account, _ query: [String: String]) -> Answer? {
        refusalOf { try filter(account, query) }
    }

    // MARK: what each role sees without asking

    @Test func staffSeeTheirModuleCategoriesAreaAndSubUnit() throws {
        let account = Sample.account(.staff, categories: ["pekerjaan-umum"], area: "Sukamaju", subUnit: "dpupr-pju")
        #expect(try filter(account) == QueueFilter(module: .publicWorks, categories: ["pekerjaan-umum"], boundArea: "Sukamaju",
                                                   inspectorate: .exclude, subUnit: "dpupr-pju"))
    }

    @Test(arguments: [Role.staff, .supervisor, .validator])
    func agencyRolesSeeTheirModuleWithoutTheInspectorate(role: Role) throws {
        #expect(try filter(Sample.account(role, .social)) == QueueFilter(module: .social, inspectorate: .exclude))
    }

    @Test func inspectorsSeeEveryModuleAndTheInspectorateToo() throws {
        #expect(try filter(Sample.account(.inspector, nil)) == QueueFilter(inspectorate: .include))
        #expect(try filter(Sample.account(.inspector, nil), ["inspectorate": "true"]) == QueueFilter(inspectorate: .only))
    }

    @Test func adminsSeeEveryModuleButNotTheInspectorate() throws {
        #expect(try filter(Sample.account(.admin, nil)) == QueueFilter(inspectorate: .exclude))
    }

    @Test func inspectorsAndAdminsIgnoreTheScopeWrittenOnTheirAccount() throws {
        let inspector = Sample.account(.inspector, .kir, categories: ["perhubungan"], area: "Sukamaju", subUnit: "dpupr-pju")
        #expect(try filter(inspector) == QueueFilter(inspectorate: .include))
    }

    @Test func anAgencyAccountWithoutAModuleIsRefused() {
        #expect(refusal(Sample.account(.staff, nil), [:]) == Answer(403, "no_module"))
    }

    // MARK: narrowing by the query

    @Test func eachFilterNarrowsTheQueue() throws {
        let staff = Sample.account(.staff)
        #expect(try filter(staff, ["status": "verified"]).status == .verified)
        #expect(try filter(staff, ["priority": "urgent"]).priority == .urgent)
        #expect(try filter(staff, ["area": "  35.03.01 "]).area == RegionCode("35.03.01"))
        #expect(try filter(staff, ["area": "35.03.01.2001"]).area == RegionCode("35.03.01.2001"))
        #expect(try filter(staff, ["sub_unit": "dpupr-jalan"]).subUnit == "dpupr-jalan")
        #expect(try filter(staff, ["overdue": "true"]).overdueOnly)
        #expect(try !filter(staff, ["overdue": "false"]).overdueOnly)
        #expect(try filter(staff, ["module": "public-works"]).module == .publicWorks)
        #expect(try filter(staff, ["agency": "dpupr"]).agency == "dpupr")
        #expect(try filter(staff, ["category": "pekerjaan-umum"]).categories == ["pekerjaan-umum"])
        #expect(try filter(Sample.account(.admin, nil), ["module": "kir"]).module == .kir)
    }

    @Test func blankValuesMeanAny() throws {
        let blank = ["status": "", "priority": " ", "area": "", "sub_unit": " ", "overdue": "", "module": "", "agency": "",
                     "category": "", "inspectorate": ""]
        #expect(try filter(Sample.account(.staff), blank) == filter(Sample.account(.staff)))
        #expect(try filter(Sample.account(.inspector, nil), blank) == filter(Sample.account(.inspector, nil)))
    }

    @Test func theAccountsOwnScopeMayBeAskedForInAnyCase() throws {
        let bound = try filter(Sample.account(.staff, area: "Sukamaju"), ["area": "99.02.03.1004"])
        #expect(bound.area == RegionCode("99.02.03.1004") && bound.boundArea == "Sukamaju", "a code narrows the bound area, never widens it")
        #expect(try filter(Sample.account(.staff, subUnit: "dpupr-pju"), ["sub_unit": "dpupr-pju"]).subUnit == "dpupr-pju")
    }

    @Test(arguments: [
        (["status": "open"], Answer(400, "invalid_status")),
        (["status": "RESOLVED"], Answer(400, "invalid_status")),
        (["priority": "critical"], Answer(400, "invalid_priority")),
        (["overdue": "yes"], Answer(400, "invalid_request")),
        (["overdue": "1"], Answer(400, "invalid_request")),
        (["module": "parks"], Answer(400, "invalid_module")),
        (["agency": "nowhere"], Answer(400, "invalid_agency")),
        (["sub_unit": "dpupr-taman"], Answer(400, "invalid_sub_unit")),
        (["area": "Sukamaju"], Answer(400, "invalid_area")),
        (["area": "35.03.1"], Answer(400, "invalid_area")),
    ])
    func badValuesAre400(query: [String: String], answer: Answer) {
        #expect(refusal(Sample.account(.staff), query) == answer)
        #expect(refusal(Sample.account(.inspector, nil), query) == answer)
    }

    @Test(arguments: [
        (Sample.account(.staff, subUnit: "dpupr-pju"), ["sub_unit": "dpupr-jalan"], Answer(403, "forbidden_sub_unit")),
        (Sample.account(.staff), ["inspectorate": "true"], Answer(403, "forbidden")),
        (Sample.account(.admin, nil), ["inspectorate": "true"], Answer(403, "forbidden")),
        (Sample.account(.staff), ["module": "social"], Answer(403, "forbidden_module")),
        (Sample.account(.staff, categories: ["pekerjaan-umum"]), ["category": "sosial"], Answer(403, "forbidden_category")),
    ])
    func askingBeyondTheAccountsReachIs403(account: Account, query: [String: String], answer: Answer) {
        #expect(refusal(account, query) == answer)
    }

    @Test func theSchemaIsAskedOnlyAboutWhatTheQueryNames() throws {
        var asked: [String] = []
        func exists(_ reference: QueueRequest.Reference) -> Bool {
            switch reference {
            case .agency(let code): asked.append("agency " + code)
            case .subUnit(let code): asked.append("sub-unit " + code)
            }
            return true
        }
        _ = try QueueRequest.filter(for: Sample.account(.staff), query: { ["status": "verified"][$0] }, exists: exists)
        #expect(asked.isEmpty)
        _ = try QueueRequest.filter(for: Sample.account(.staff), query: { ["agency": "dpupr", "sub_unit": "dpupr-pju"][$0] }, exists: exists)
        #expect(asked == ["sub-unit dpupr-pju", "agency dpupr"])
    }
}

struct OptionalNonBlankTests {
    /// The OpenAPI document's BlankQueryValue: empty, or tabs and Unicode space separators only.
    @Test func spacesAloneAreNothing() {
        #expect(String?.none.nonBlank == nil)
        #expect(Optional("").nonBlank == nil && Optional("   ").nonBlank == nil && Optional("\t\u{A0}\u{2009}\u{3000}").nonBlank == nil)
        #expect(Optional(" verified ").nonBlank == "verified")
    }

    @Test func aLineBreakIsNotBlank() {
        #expect(Optional("\n").nonBlank == "\n")
        #expect(refusalOf { try QueueRequest.filter(for: Sample.account(.staff), query: { ["status": "\r\n"][$0] }, exists: { _ in true }) }
                == Answer(400, "invalid_status"))
    }
}

/// The queue page shows a refused filter in the staff member's words: each refusal of a filter
/// carries its Indonesian text, so the page needs no table of its own.
struct QueueRequestWordingTests {
    static let staff = Sample.account(.staff, categories: ["pekerjaan-umum"], area: "Sukamaju", subUnit: "dpupr-pju")

    @Test(arguments: [
        (["status": "selesai"], "Status tidak dikenal."),
        (["priority": "sangat"], "Prioritas harus salah satu dari: rendah, normal, tinggi, mendesak."),
        (["module": "air-minum"], "Modul tidak dikenal."),
        (["overdue": "ya"], "Saringan “lewat batas waktu” hanya boleh true atau false."),
        (["inspectorate": "true"], "Antrean inspektorat hanya untuk inspektur."),
        (["module": "social"], "Akun Anda hanya bekerja di modulnya sendiri."),
        (["area": "Cibiru"], "Wilayah harus kode Kemendagri kecamatan (35.03.01) atau kelurahan/desa (35.03.01.2001)."),
        (["sub_unit": "dpupr-jalan"], "Akun Anda hanya bekerja di unit pelaksananya sendiri."),
        (["category": "sosial"], "Akun Anda tidak menangani kategori itu."),
        (["agency": "dinkes"], "Dinas tidak dikenal."),
    ])
    func aRefusedFilterIsWordedInIndonesian(query: [String: String], indonesian: String) {
        do {
            _ = try QueueRequest.filter(for: Self.staff, query: { query[$0] }, exists: QueueRequestTests.exists)
            Issue.record("\(query) was not refused")
        } catch {
            #expect((error as? any HTTPResponseError)?.message(language: "id") == indonesian, "\(query)")
        }
    }

    @Test func theQueuePageForAForbiddenFilterShowsTheIndonesianText() throws {
        let session = StaffSession(account: Self.staff, csrfToken: "t")
        let refusal = try #require(QueueRequestTests.refusalError { try QueueRequest.filter(for: Self.staff, query: { $0 == "inspectorate" ? "true" : nil },
                                                                                             exists: QueueRequestTests.exists) })
        let page = CaseDesk.refusalPage(refusal, session: session, language: .id)
        #expect(page.status == 403 && String(decoding: page.body, as: UTF8.self).contains("Antrean inspektorat hanya untuk inspektur."))
        let english = CaseDesk.refusalPage(refusal, session: session, language: .en)
        #expect(String(decoding: english.body, as: UTF8.self).contains("The inspectorate queue is for inspectors."))
    }
}

extension QueueRequestTests {
    /// The error `body` threw as an answer, or nil.
    static func refusalError(_ body: () throws -> Any) -> (any HTTPResponseError)? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? any HTTPResponseError
        }
    }
}
