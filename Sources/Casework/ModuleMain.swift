import Complaints
import HTTP
import HubStore
import Postgres
import ServiceKit

/// Starts a module's executable: its queue consumer, the shared staff routes, and whatever routes
/// the module adds of its own. Never returns.
public enum ModuleMain {
    /// - Parameter extraRoutes: the module's own routes, built with the runner's pool and logger.
    /// - Parameter profile: the module's own fields on its cases.
    /// - Parameter deskIntake: the walk-in desk's use case, for the module that takes submissions (its pages under `/staff/desk`).
    /// - Parameter letters: the letter desks' use cases, for the module that runs the letters (its pages under `/staff/letters`).
    public static func run(_ module: ModuleName, profile: ModuleProfile = .none,
                           afterDispatch: CaseDesk.AfterDispatch? = nil,
                           deskIntake: ((ServiceRunner) -> DeskIntake)? = nil,
                           letters: ((ServiceRunner) -> LetterDesk)? = nil,
                           extraRoutes: (ServiceRunner) -> Router = { _ in Router() }) -> Never {
        let service = ServiceName(module: module)
        let runner = ServiceRunner(name: service, database: .hub(service))
        let login = runner.configuration.login
        let throttle = LoginThrottle(failuresPerAccount: login.failuresPerAccount, failuresPerAddress: login.failuresPerAddress,
                                     window: Double(login.windowSeconds))
        var made = CaseDesk(module: module, pool: runner.pool,
                            loginThrottle: throttle,
                            profile: profile, afterDispatch: afterDispatch, logger: runner.logger,
                            photoQuota: runner.photoQuota())
        made.deskIntake = deskIntake?(runner)
        made.letterDesk = letters?(runner)
        let desk = made
        runner.consume(queue: module.queue, batches: desk.dispatch)
        let pool = runner.pool
        runner.periodically("overdue-sweeper", every: Double(runner.configuration.sweepSeconds)) {
            _ = try pool.withConnection { try OverdueSweeper.sweep(module: module, on: $0) }
        }
        var router = desk.routes()
        router.merge(extraRoutes(runner))
        runner.run(router: router)
    }
}
