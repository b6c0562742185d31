// swift-tools-version:6.0
import PackageDescription

// A service's release build links with lld and packs its relative relocations (DT_RELR, glibc 2.36+):
// still position-independent (ASLR), but the start-up no longer reads 1.8 MB of relocation entries,
// which stayed resident (issue 13's peak RSS; `make bench` and the Dockerfile also link the Swift
// runtime and Foundation in statically, --static-swift-stdlib).
let lean: [LinkerSetting] = [
    .unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"], .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "complaint-hub",
    products: [
        .executable(name: "gateway", targets: ["Gateway"]),
        .executable(name: "intake", targets: ["Intake"]),
        .executable(name: "public-works", targets: ["PublicWorks"]),
        .executable(name: "social", targets: ["Social"]),
        .executable(name: "tourism", targets: ["Tourism"]),
        .executable(name: "kir", targets: ["Kir"]),
        .executable(name: "hubctl", targets: ["Hubctl"]),
    ],
    targets: [
        // C shims
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CLinux"),
        .systemLibrary(name: "CCrypt", providers: [.apt(["libcrypt-dev"])]),

        // Libraries, arrows pointing down only
        .target(name: "Postgres", dependencies: ["CLibPQ"]),
        .target(name: "JSON"),
        .target(name: "HTTP", dependencies: ["CLinux", "JSON"]),
        .target(name: "Queue", dependencies: ["Postgres", "JSON"]),
        .target(name: "Complaints"),
        .target(
            name: "HubStore",
            dependencies: ["Postgres", "Queue", "Complaints", "CCrypt", "JSON"],
            plugins: ["EmbedMigrations"]
        ),
        .target(name: "Web", dependencies: ["Complaints"]),
        .target(name: "ServiceKit", dependencies: ["HTTP", "Postgres", "Queue", "Complaints"]),
        .target(name: "QRCode"),
        .target(name: "PDFDocument"),
        .target(name: "Casework", dependencies: ["ServiceKit", "HubStore", "Complaints", "HTTP", "Queue", "Postgres", "Web"]),
        .target(name: "Notifications", dependencies: ["Complaints", "HubStore", "Postgres", "Queue", "ServiceKit"]),

        // Build-time embedding of Schemas/*.sql into HubStore
        .executableTarget(name: "MigrationEmbedder", path: "Plugins/MigrationEmbedder"),
        .plugin(
            name: "EmbedMigrations",
            capability: .buildTool(),
            dependencies: ["MigrationEmbedder"],
            path: "Plugins/EmbedMigrations"
        ),

        // Executables, one per service
        .executableTarget(name: "Gateway", dependencies: ["ServiceKit", "HubStore", "Web", "HTTP", "Complaints", "Postgres"], path: "Services/Gateway", linkerSettings: lean),
        .executableTarget(name: "Intake", dependencies: ["Casework", "Notifications", "ServiceKit", "HubStore", "Web", "HTTP", "Complaints", "Postgres", "Queue", "PDFDocument", "QRCode"], path: "Services/Intake", linkerSettings: lean),
        .executableTarget(name: "PublicWorks", dependencies: ["Casework", "ServiceKit", "Complaints", "HubStore", "HTTP", "Postgres"], path: "Services/PublicWorks", linkerSettings: lean),
        .executableTarget(name: "Social", dependencies: ["Casework", "ServiceKit", "Complaints"], path: "Services/Social", linkerSettings: lean),
        .executableTarget(name: "Tourism", dependencies: ["Casework", "ServiceKit", "Complaints"], path: "Services/Tourism", linkerSettings: lean),
        .executableTarget(name: "Kir", dependencies: ["Casework", "ServiceKit", "Complaints", "HubStore", "HTTP", "Postgres"], path: "Services/Kir", linkerSettings: lean),
        .executableTarget(name: "Hubctl", dependencies: ["ServiceKit", "HubStore", "Postgres", "Queue", "Complaints", "JSON"], path: "Services/Hubctl", linkerSettings: lean),

        // Tests
        .target(name: "TestSupport", dependencies: ["Postgres", "HubStore", "HTTP", "Complaints"], path: "Tests/TestSupport"),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP"]),
        .testTarget(name: "ComplaintsTests", dependencies: ["Complaints"]),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"]),
        .testTarget(name: "QueueTests", dependencies: ["Queue", "Postgres", "TestSupport", "HubStore"]),
        .testTarget(name: "HubStoreTests", dependencies: ["HubStore", "Postgres", "TestSupport", "Complaints", "ServiceKit"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "HTTP", "Postgres", "DocumentTestSupport"]),
        .testTarget(name: "ServiceKitTests", dependencies: ["ServiceKit", "HTTP", "Complaints"]),
        .testTarget(name: "WebTests", dependencies: ["Web", "Complaints"]),
        .testTarget(name: "CaseworkTests", dependencies: ["Casework", "Complaints", "HTTP", "HubStore", "Postgres", "Queue", "TestSupport"]),
        .testTarget(name: "NotificationsTests", dependencies: ["Notifications", "Complaints"]),
        .testTarget(name: "HubctlTests", dependencies: ["Hubctl", "HubStore", "Postgres", "TestSupport", "Complaints", "JSON"]),
        .testTarget(name: "GatewayTests", dependencies: ["Gateway", "Complaints", "JSON"]),
        .target(name: "DocumentTestSupport", path: "Tests/DocumentTestSupport"),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode", "DocumentTestSupport"]),
        .testTarget(name: "PDFDocumentTests", dependencies: ["PDFDocument", "QRCode", "DocumentTestSupport", "TestSupport"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTP", "TestSupport"], exclude: ["Corpus"]),
        // Producer and consumer processes for the queue's crash and restart tests.
        .executableTarget(name: "QueueDrill", dependencies: ["Postgres", "Queue"], path: "Tests/QueueDrill"),

        // Benchmarks (make bench): a bare server of our HTTP library with /healthz and a JSON echo.
        .executableTarget(name: "HTTPBenchServer", dependencies: ["HTTP"], path: "Benchmarks/HTTPBenchServer"),
        .executableTarget(name: "QueueBench", dependencies: ["Postgres", "Queue"], path: "Benchmarks/QueueBench"),
    ],
    swiftLanguageModes: [.v6]
)
