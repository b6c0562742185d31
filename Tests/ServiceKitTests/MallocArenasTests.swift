@testable import ServiceKit
import Testing

struct MallocArenasTests {
    @Test func aServiceKeepsTwoMallocArenas() {
        #expect(MallocArenas.limit(operatorSetting: nil) == 2)
    }

    @Test func theOperatorsMallocArenaMaxStands() {
        #expect(MallocArenas.limit(operatorSetting: "8") == nil)
    }
}
