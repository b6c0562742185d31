import HTTP
import ServiceKit

let runner = ServiceRunner(name: .gateway)
let limits = runner.configuration.rateLimits
let routes = GatewayRoutes(
    pool: runner.pool, proxy: Proxy(upstreams: Upstreams(configuration: runner.configuration), logger: runner.logger),
    categories: CategoryCache(pool: runner.pool),
    submissions: RateLimiter(limits.submissions), lookups: RateLimiter(limits.lookups),
    failures: BrowserFailures(logger: runner.logger))
runner.run(router: routes.router())
