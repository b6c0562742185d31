import Glibc
import Complaints
import HTTP
import HubStore
import ServiceKit

// The hub's schema and the gateway's own database role, as every module's main hands them in (DatabaseCheck.hub).
let runner = ServiceRunner(name: .gateway, database: DatabaseCheck(
    expectedVersion: Migrator.expectedVersion, currentVersion: { try Migrator.currentVersion($0) },
    loginIsPrivileged: { try ServiceRole.loginIsPrivileged(on: $0) },
    role: ServiceRole.gateway.rawValue, sessionSetup: ServiceRole.gateway.sessionSetup))
let upstreams: Upstreams
do {
    upstreams = try Upstreams(environment: runner.environment)
} catch {
    runner.logger.error("bad upstream configuration", ["error": String(describing: error)])
    exit(1)
}
let proxy = Proxy(upstreams: upstreams, logger: runner.logger)
let routes: GatewayRoutes
do {
    let environment = runner.environment
    routes = GatewayRoutes(
        pool: runner.pool, proxy: proxy, categories: CategoryCache(pool: runner.pool),
        submissions: RateLimiter(perMinute: try environment.integer("HUB_SUBMIT_RATE_PER_MINUTE", default: 20, range: 1...1_000_000),
                                 burst: try environment.integer("HUB_SUBMIT_BURST", default: 10, range: 1...1_000_000)),
        lookups: RateLimiter(perMinute: try environment.integer("HUB_TRACK_RATE_PER_MINUTE", default: 120, range: 1...1_000_000),
                             burst: try environment.integer("HUB_TRACK_BURST", default: 60, range: 1...1_000_000)),
        failures: BrowserFailures(logger: runner.logger))
} catch {
    runner.logger.error("bad rate-limit configuration", ["error": String(describing: error)])
    exit(1)
}
runner.run(router: routes.router())
