import HTTP
import ServiceKit

extension Open311Routes {
    /// Open311's paths answer every error in Open311's own shape, in the request's format (XML when
    /// it names none): an `Open311Error` as it is (405 with Allow), an error that stands for an
    /// answer with its status, message and Retry-After, anything else logged and a 500 with the
    /// request id.
    var errors: ErrorRenderer {
        let logger = self.logger
        return ErrorRenderer { error, request, _ in
            let format = Open311Resource(segments: request.pathSegments).format
            if let error = error as? Open311Error {
                var response = error.response(format)
                if error.status == 405, let allow = error.allow { response.headers.add("Allow", allow) }
                return response
            }
            guard let answer = DatabaseUnavailable.answer(for: error) else {
                logger.handlerFailed(request, error)
                return Open311Error(500, "internal error; quote request id \(request.requestID)").response(format)
            }
            if !(error is any HTTPResponseError) {
                logger.warning("open311 request failed", ["id": request.requestID, "error": String(describing: error)])
            }
            var response = Open311Error(answer.status, answer.message(language: "en")).response(format)
            if let wait = answer.headers["Retry-After"] { response.headers.add("Retry-After", wait) }
            return response
        }
    }
}
