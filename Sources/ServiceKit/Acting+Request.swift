import Complaints
import HTTP

extension Acting {
    /// One who acts through `request`: the audit entry records the request's client address as the
    /// logs keep it (`LogRedaction.address`): whole on the staff side, only its network on citizen
    /// routes, so the audit log does not link a reporter to their case either.
    public init(_ who: Who, through request: HTTPRequest) {
        self.init(who, from: LogRedaction.address(request.clientAddress, path: request.path))
    }
}
