import Glibc
import Complaints
import ServiceKit

let runner = ServiceRunner(name: .gateway)
let upstreams: Upstreams
do {
    upstreams = try Upstreams(environment: runner.environment)
} catch {
    runner.logger.error("bad upstream configuration", ["error": String(describing: error)])
    exit(1)
}
let proxy = Proxy(upstreams: upstreams, logger: runner.logger)
let routes = GatewayRoutes(pool: runner.pool, proxy: proxy, categories: CategoryCache(pool: runner.pool))
runner.run(router: routes.router())
