import Complaints
import HTTP
@testable import ServiceKit
import Testing

/// Every variable a service reads: its default when unset (or empty), a good value read, and a bad
/// value stopping the service with a message naming the variable and what it expects.
struct HubConfigurationTests {
    static let databaseURL = "postgresql://hub@127.0.0.1:5432/hub"

    /// The integer variables: name, default, accepted range, and where the value lands.
    static let integers: [(String, Int, ClosedRange<Int>, @Sendable (HubConfiguration) -> Int)] = [
        ("HUB_DB_POOL_SIZE", 10, 1...200, { $0.databasePoolSize }),
        ("HUB_DATABASE_READ_MAX_LAG_MS", 1000, 0...60_000, { $0.reads.maximumLagMilliseconds }),
        ("HUB_STARTUP_WAIT", 30, 0...3600, { $0.startupWaitSeconds }),
        ("HUB_GATEWAY_PORT", 8080, 0...65535, { $0.port(of: .gateway) }),
        ("HUB_INTAKE_PORT", 8081, 0...65535, { $0.port(of: .intake) }),
        ("HUB_PUBLIC_WORKS_PORT", 8082, 0...65535, { $0.port(of: .publicWorks) }),
        ("HUB_SOCIAL_PORT", 8083, 0...65535, { $0.port(of: .social) }),
        ("HUB_TOURISM_PORT", 8084, 0...65535, { $0.port(of: .tourism) }),
        ("HUB_KIR_PORT", 8085, 0...65535, { $0.port(of: .kir) }),
        ("HUB_HTTP_WORKERS", 16, 1...512, { $0.http.workerThreads }),
        ("HUB_MAX_CONNECTIONS", 4096, 1...1_000_000, { $0.http.maxConnections }),
        ("HUB_MAX_CONNECTIONS_PER_CLIENT", 256, 1...1_000_000, { $0.http.maxConnectionsPerClient }),
        ("HUB_MAX_BODY_BYTES", 1 << 20, 1024...(1 << 30), { $0.http.bodyBytes }),
        ("HUB_MAX_MULTIPART_BYTES", 20 << 20, 1024...(1 << 30), { $0.http.uploadBytes }),
        ("HUB_REQUEST_TIMEOUT_SECONDS", 300, 1...86_400, { $0.http.requestTimeoutSeconds }),
        ("HUB_MIN_UPLOAD_BYTES_PER_SECOND", 1024, 0...(1 << 30), { $0.http.minimumUploadBytesPerSecond }),
        ("HUB_UPLOAD_GRACE_SECONDS", 10, 0...86_400, { $0.http.uploadGraceSeconds }),
        ("HUB_MAX_BUFFERED_BODY_BYTES", 64 << 20, 1024...(1 << 40), { $0.http.maxBufferedBodyBytes }),
        ("HUB_PHOTO_QUOTA_BYTES_PER_DAY", 100 << 20, 0...(1 << 40), { $0.photoQuotaBytesPerDay }),
        ("HUB_QUEUE_LEASE_SECONDS", 30, 1...3600, { $0.queueLeaseSeconds }),
        ("HUB_SWEEP_SECONDS", 60, 1...86_400, { $0.sweepSeconds }),
        ("HUB_LOGIN_MAX_FAILURES", 5, 1...1000, { $0.login.failuresPerAccount }),
        ("HUB_LOGIN_MAX_FAILURES_PER_ADDRESS", 20, 1...100_000, { $0.login.failuresPerAddress }),
        ("HUB_LOGIN_WINDOW_SECONDS", 900, 1...86_400, { $0.login.windowSeconds }),
        ("HUB_SUBMIT_RATE_PER_MINUTE", 20, 1...1_000_000, { $0.rateLimits.submissions.perMinute }),
        ("HUB_SUBMIT_BURST", 10, 1...1_000_000, { $0.rateLimits.submissions.burst }),
        ("HUB_TRACK_RATE_PER_MINUTE", 120, 1...1_000_000, { $0.rateLimits.lookups.perMinute }),
        ("HUB_TRACK_BURST", 60, 1...1_000_000, { $0.rateLimits.lookups.burst }),
    ]

    /// The message for one bad value, or nil when it reads.
    func problems(_ values: [String: String]) -> ConfigurationError? {
        do {
            _ = try HubConfiguration.reading(values)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: integers.indices)
    func anIntegerTakesItsDefaultItsValueOrStopsNamingItself(_ index: Int) throws {
        let (name, fallback, range, read) = Self.integers[index]
        #expect(read(try .reading([:])) == fallback, "\(name) unset")
        #expect(read(try .reading([name: ""])) == fallback, "\(name) empty is unset")
        // The buffered-body budget must hold the body limits: keep them apart so any good value reads.
        let small = switch name {
        case "HUB_MAX_BUFFERED_BODY_BYTES": ["HUB_MAX_MULTIPART_BYTES": "1024", "HUB_MAX_BODY_BYTES": "1024"]
        case "HUB_MAX_BODY_BYTES": ["HUB_MAX_BUFFERED_BODY_BYTES": String(1 << 40)]
        default: [String: String]()
        }
        for good in [range.lowerBound, range.upperBound, fallback] {
            #expect(read(try .reading(small.merging([name: String(good)]) { $1 })) == good, "\(name)=\(good)")
        }
        for bad in ["abc", "12abc", " 12", "1.5", String(range.lowerBound - 1), String(range.upperBound + 1)] {
            let error = try #require(problems([name: bad]), "\(name)=\(bad) must stop the service")
            #expect(error.variables == [name])
            #expect(error.description == "\(name) must be an integer in \(range.lowerBound)...\(range.upperBound), got \(bad)")
        }
    }

    @Test func theDatabaseURLIsRequiredAndReadByLibpq() throws {
        #expect(try HubConfiguration.reading([:]).databaseURL == Self.databaseURL)
        #expect(try HubConfiguration.reading(["HUB_DATABASE_URL": "host=/run/pg dbname=hub"]).databaseURL == "host=/run/pg dbname=hub")
        #expect(try HubConfiguration.reading(["HUB_DATABASE_URL": "hub"]).databaseURL == "hub", "a bare name is a database name")
        let missing = try #require(problems(["HUB_DATABASE_URL": ""]))
        #expect(missing.description == "HUB_DATABASE_URL is not set (a libpq connection string such as postgresql://hub@127.0.0.1:5432/hub)")
        for bad in ["hots=db.lan dbname=hub password=rahasia", "postgresql://hub:rahasia@db.lan:5432/hub?sslmode=sometimes&bogus=1",
                    "host=db.lan password"] {
            let error = try #require(problems(["HUB_DATABASE_URL": bad]), "\(bad)")
            #expect(error.variables == ["HUB_DATABASE_URL"])
            #expect(error.description.hasPrefix("HUB_DATABASE_URL must be a libpq connection string such as "), "\(error)")
            #expect(error.description.contains("(libpq: "), "\(error)")
            #expect(!error.description.contains("rahasia"), "a password never reaches the log: \(error)")
        }
    }

    @Test func theListenHostIsAnIPv4Address() throws {
        #expect(try HubConfiguration.reading([:]).listenHost == "127.0.0.1")
        #expect(try HubConfiguration.reading(["HUB_LISTEN_HOST": "0.0.0.0"]).listenHost == "0.0.0.0")
        #expect(try HubConfiguration.reading(["HUB_LISTEN_HOST": "localhost"]).listenHost == "localhost")
        for bad in ["::1", "hub.lan", "300.1.1.1", "0.0.0.0:8080"] {
            let error = try #require(problems(["HUB_LISTEN_HOST": bad]), "\(bad)")
            #expect(error.description == "HUB_LISTEN_HOST must be an IPv4 address such as 127.0.0.1 or 0.0.0.0 (or localhost), got \(bad)")
        }
    }

    @Test func upstreamsAreTheirURLOrLoopbackAndTheModulesPort() throws {
        let defaults = try HubConfiguration.reading([:])
        #expect(defaults.upstream(for: .intake) == Upstream(host: "127.0.0.1", port: 8081))
        #expect(defaults.upstream(for: .kir) == Upstream(host: "127.0.0.1", port: 8085))
        let moved = try HubConfiguration.reading(["HUB_SOCIAL_PORT": "9083", "HUB_TOURISM_URL": "http://tourism:8084"])
        #expect(moved.upstream(for: .social) == Upstream(host: "127.0.0.1", port: 9083))
        #expect(moved.upstream(for: .tourism) == Upstream(host: "tourism", port: 8084))
        for module in ModuleName.allCases {
            let variable = ServiceName(module: module).urlVariable
            for bad in ["intake:8081", "https://intake:8081", "http://:8081", "http://intake:port"] {
                let error = try #require(problems([variable: bad]), "\(variable)=\(bad)")
                #expect(error.variables == [variable])
                #expect(error.description.hasPrefix("\(variable) must be an http URL with a host and port such as http://"))
                #expect(error.description.hasSuffix(", got \(bad)"))
            }
        }
    }

    @Test func trustedProxiesNameTheEntryThatDoesNotRead() throws {
        #expect(try HubConfiguration.reading([:]).listedProxies == .none)
        #expect(try HubConfiguration.reading(["HUB_TRUSTED_PROXIES": "10.0.0.0/8, 2001:db8::/32"]).listedProxies.contains("10.9.8.7"))
        let error = try #require(problems(["HUB_TRUSTED_PROXIES": "nonsense"]))
        #expect(error.description == "HUB_TRUSTED_PROXIES: \"nonsense\" is not an IPv4 or IPv6 address or CIDR range (such as 10.0.0.0/8 or 2001:db8::/32)")
    }

    @Test func theSMSSecretAndExitWithParent() throws {
        let defaults = try HubConfiguration.reading([:])
        #expect(defaults.smsWebhookSecret == nil && !defaults.exitWithParent)
        let set = try HubConfiguration.reading(["HUB_SMS_WEBHOOK_SECRET": "rahasia-gateway", "HUB_EXIT_WITH_PARENT": "1"])
        #expect(set.smsWebhookSecret == "rahasia-gateway" && set.exitWithParent)
        #expect(try !HubConfiguration.reading(["HUB_EXIT_WITH_PARENT": "0"]).exitWithParent)
        let error = try #require(problems(["HUB_EXIT_WITH_PARENT": "yes"]))
        #expect(error.description == "HUB_EXIT_WITH_PARENT must be 1 or 0 (default 0), got yes")
    }

    @Test func open311SettingsAndItsEndpointType() throws {
        let defaults = try HubConfiguration.reading([:]).open311
        #expect(defaults.apiKeys.isEmpty && defaults.contact == nil && defaults.keyService == nil && defaults.endpointType == .production)
        let set = try HubConfiguration.reading(["HUB_OPEN311_API_KEYS": "kunci-satu, kunci-dua,,", "HUB_OPEN311_CONTACT": "Diskominfo",
                                                "HUB_OPEN311_KEY_SERVICE": "Minta ke admin", "HUB_OPEN311_ENDPOINT_TYPE": "test"]).open311
        #expect(set.apiKeys == ["kunci-satu", "kunci-dua"] && set.contact == "Diskominfo" && set.keyService == "Minta ke admin")
        #expect(set.endpointType == .test)
        let error = try #require(problems(["HUB_OPEN311_ENDPOINT_TYPE": "prod"]))
        #expect(error.description == "HUB_OPEN311_ENDPOINT_TYPE must be production (the default) or test, got prod")
    }

    @Test func derivedDefaultsFollowTheVariableTheyDependOn() throws {
        let limits = try HubConfiguration.reading(["HUB_MAX_CONNECTIONS": "64", "HUB_MAX_MULTIPART_BYTES": "\(100 << 20)"]).http
        #expect(limits.maxConnectionsPerClient == 8, "a sixteenth of the connections, at least 8")
        #expect(limits.maxBufferedBodyBytes == 100 << 20, "at least the multipart limit")
        let error = try #require(problems(["HUB_MAX_BUFFERED_BODY_BYTES": "\(2 << 20)"]))
        #expect(error.description == "HUB_MAX_BUFFERED_BODY_BYTES must be at least HUB_MAX_MULTIPART_BYTES and HUB_MAX_BODY_BYTES "
                + "(\(20 << 20)), got \(2 << 20)")
    }

    @Test func theLimitsReachTheServer() throws {
        let limits = try HubConfiguration.reading(["HUB_HTTP_WORKERS": "4", "HUB_MAX_CONNECTIONS": "100", "HUB_MAX_BODY_BYTES": "2048",
                                                   "HUB_REQUEST_TIMEOUT_SECONDS": "7", "HUB_MIN_UPLOAD_BYTES_PER_SECOND": "0"]).http
        var server = HTTPServerConfiguration()
        limits.apply(to: &server)
        #expect(server.workerThreads == 4 && server.maxConnections == 100 && server.maxConnectionsPerClient == 8)
        #expect(server.limits.bodyBytes == 2048 && server.limits.uploadBytes == 20 << 20 && server.maxBufferedBodyBytes == 64 << 20)
        #expect(server.requestTimeout == 7 && server.minimumUploadRate == 0 && server.uploadRateGrace == 10)
    }

    @Test func everyProblemIsReportedAtOnceInTheOrderRead() throws {
        let error = try #require(problems(["HUB_DATABASE_URL": "", "HUB_GATEWAY_PORT": "abc", "HUB_TRUSTED_PROXIES": "nonsense",
                                           "HUB_COOKIE_SECURE": "yes", "HUB_SWEEP_SECONDS": "0", "HUB_OPEN311_ENDPOINT_TYPE": "prod"]))
        #expect(error.variables == ["HUB_DATABASE_URL", "HUB_GATEWAY_PORT", "HUB_TRUSTED_PROXIES", "HUB_COOKIE_SECURE",
                                    "HUB_SWEEP_SECONDS", "HUB_OPEN311_ENDPOINT_TYPE"])
        #expect(error.description.split(separator: "\n").count == 6, "one line per variable")
    }

    @Test func variablesTheHubDoesNotKnowAreLeftAlone() throws {
        #expect(try HubConfiguration.reading(["HUB_BIN_DIR": "anything", "PATH": "/bin"]).databasePoolSize == 10)
    }
}
