import HTTP
import HubStore
import ServiceKit

// The hub's schema and the gateway's own database role, as every module's main hands them in (DatabaseCheck.hub).
let runner = ServiceRunner(name: .gateway, database: DatabaseCheck(
    expectedVersion: Migrator.expectedVersion, currentVersion: { try Migrator.currentVersion($0) },
    loginIsPrivileged: { try ServiceRole.loginIsPrivileged(on: $0) },
    role: ServiceRole.gateway.rawValue, sessionSetup: ServiceRole.gateway.sessionSetup))
let limits = SharedLimits(runner: runner)
let watch = ReferenceDataWatch(conninfo: runner.pool.conninfo)
let routes = GatewayRoutes(
    pool: runner.pool, reads: runner.reads, proxy: Proxy(upstreams: Upstreams(configuration: runner.configuration), logger: runner.logger),
    categories: CategoryCache(pool: runner.pool, watch: watch), regionMaps: RegionMapCache(pool: runner.pool, watch: watch),
    regions: RegionCache(pool: runner.pool, watch: watch),
    submissions: limits.submissions, lookups: limits.lookups,
    failures: BrowserFailures(logger: runner.logger), notices: runner.configuration.notifications.channels,
    siteURL: runner.configuration.edge.siteURL)
runner.run(router: routes.router())
