// swift-tools-version:6.0
import PackageDescription

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
        .target(name: "HTTP", dependencies: ["CLinux"]),
        .target(name: "Queue", dependencies: ["Postgres"]),
        .target(name: "Complaints"),
        .target(
            name: "HubStore",
            dependencies: ["Postgres", "Queue", "Complaints", "CCrypt"],
            plugins: ["EmbedMigrations"]
        ),
        .target(name: "Web", dependencies: ["Complaints"]),
        .target(name: "ServiceKit", dependencies: ["HTTP", "Postgres", "Queue", "Complaints"]),
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
        .executableTarget(name: "Gateway", dependencies: ["ServiceKit", "HubStore", "Web", "HTTP", "Complaints", "Postgres"], path: "Services/Gateway"),
        .executableTarget(name: "Intake", dependencies: ["Casework", "Notifications", "ServiceKit", "HubStore", "Web", "HTTP", "Complaints", "Postgres", "Queue"], path: "Services/Intake"),
        .executableTarget(name: "PublicWorks", dependencies: ["Casework", "ServiceKit", "Complaints", "HubStore", "HTTP", "Postgres"], path: "Services/PublicWorks"),
        .executableTarget(name: "Social", dependencies: ["Casework", "ServiceKit", "Complaints"], path: "Services/Social"),
        .executableTarget(name: "Tourism", dependencies: ["Casework", "ServiceKit", "Complaints"], path: "Services/Tourism"),
        .executableTarget(name: "Kir", dependencies: ["Casework", "ServiceKit", "Complaints", "HubStore", "HTTP", "Postgres"], path: "Services/Kir"),
        .executableTarget(name: "Hubctl", dependencies: ["ServiceKit", "HubStore", "Postgres", "Queue", "Complaints"], path: "Services/Hubctl"),

        // Tests
        .target(name: "TestSupport", dependencies: ["Postgres", "HubStore", "HTTP"], path: "Tests/TestSupport"),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP"]),
        .testTarget(name: "ComplaintsTests", dependencies: ["Complaints"]),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"]),
        .testTarget(name: "QueueTests", dependencies: ["Queue", "Postgres", "TestSupport", "HubStore"]),
        .testTarget(name: "HubStoreTests", dependencies: ["HubStore", "Postgres", "TestSupport", "Complaints", "ServiceKit"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "HTTP", "Postgres"]),
        .testTarget(name: "ServiceKitTests", dependencies: ["ServiceKit", "HTTP", "Complaints"]),
        .testTarget(name: "WebTests", dependencies: ["Web", "Complaints"]),
        .testTarget(name: "CaseworkTests", dependencies: ["Casework", "Complaints", "HTTP"]),
        .testTarget(name: "NotificationsTests", dependencies: ["Notifications", "Complaints"]),
        .testTarget(name: "HubctlTests", dependencies: ["Hubctl", "HubStore", "Postgres", "TestSupport", "Complaints"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTP", "TestSupport"], exclude: ["Corpus"]),
        // Producer and consumer processes for the queue's crash and restart tests.
        .executableTarget(name: "QueueDrill", dependencies: ["Postgres", "Queue"], path: "Tests/QueueDrill"),

        // Benchmarks (make bench): a bare server of our HTTP library with /healthz and a JSON echo.
        .executableTarget(name: "HTTPBenchServer", dependencies: ["HTTP"], path: "Benchmarks/HTTPBenchServer"),
        .executableTarget(name: "QueueBench", dependencies: ["Postgres", "Queue"], path: "Benchmarks/QueueBench"),
    ],
    swiftLanguageModes: [.v6]
)
