import HTTP

/// The HTTP server's limits, read with the rest of the configuration.
public struct HTTPLimits: Sendable, Equatable {
    /// `HUB_HTTP_WORKERS`: threads running handlers (16: more than the pool's 10 database connections
    /// by default, which handlers wait for; each worker holds its stack and malloc cache).
    public let workerThreads: Int
    /// `HUB_MAX_CONNECTIONS`: open connections per service (4096).
    public let maxConnections: Int
    /// `HUB_MAX_CONNECTIONS_PER_CLIENT`: open connections per client address (`maxConnections` / 16, at least 8).
    public let maxConnectionsPerClient: Int
    /// `HUB_MAX_BODY_BYTES`: a request body (1 MiB).
    public let bodyBytes: Int
    /// `HUB_MAX_MULTIPART_BYTES`: a multipart body on the routes that take photos (20 MiB).
    public let uploadBytes: Int
    /// `HUB_REQUEST_TIMEOUT_SECONDS`: a whole request, head and body (300).
    public let requestTimeoutSeconds: Int
    /// `HUB_MIN_UPLOAD_BYTES_PER_SECOND` (1024; 0 turns the check off) after `HUB_UPLOAD_GRACE_SECONDS` (10).
    public let minimumUploadBytesPerSecond: Int
    public let uploadGraceSeconds: Int
    /// `HUB_MAX_BUFFERED_BODY_BYTES`: request bodies one service holds at once (64 MiB, at least the
    /// body limits).
    public let maxBufferedBodyBytes: Int

    init(_ reader: inout ConfigurationReader) {
        workerThreads = reader.integer("HUB_HTTP_WORKERS", default: 16, in: 1...512)
        maxConnections = reader.integer("HUB_MAX_CONNECTIONS", default: 4096, in: 1...1_000_000)
        maxConnectionsPerClient = reader.integer("HUB_MAX_CONNECTIONS_PER_CLIENT", default: max(8, maxConnections / 16),
                                                 in: 1...1_000_000)
        bodyBytes = reader.integer("HUB_MAX_BODY_BYTES", default: 1 << 20, in: 1024...(1 << 30))
        uploadBytes = reader.integer("HUB_MAX_MULTIPART_BYTES", default: 20 << 20, in: 1024...(1 << 30))
        requestTimeoutSeconds = reader.integer("HUB_REQUEST_TIMEOUT_SECONDS", default: 300, in: 1...86_400)
        minimumUploadBytesPerSecond = reader.integer("HUB_MIN_UPLOAD_BYTES_PER_SECOND", default: 1024, in: 0...(1 << 30))
        uploadGraceSeconds = reader.integer("HUB_UPLOAD_GRACE_SECONDS", default: 10, in: 0...86_400)
        maxBufferedBodyBytes = reader.integer("HUB_MAX_BUFFERED_BODY_BYTES", default: max(64 << 20, uploadBytes), in: 1024...(1 << 40))
        if maxBufferedBodyBytes < max(uploadBytes, bodyBytes) {
            reader.report("HUB_MAX_BUFFERED_BODY_BYTES", "must be at least HUB_MAX_MULTIPART_BYTES and HUB_MAX_BODY_BYTES "
                          + "(\(max(uploadBytes, bodyBytes))), got \(maxBufferedBodyBytes)")
        }
    }

    /// Sets these limits on a server's configuration.
    public func apply(to configuration: inout HTTPServerConfiguration) {
        configuration.workerThreads = workerThreads
        configuration.maxConnections = maxConnections
        configuration.maxConnectionsPerClient = maxConnectionsPerClient
        configuration.limits.bodyBytes = bodyBytes
        // Only the routes that take photos (RouteOptions.uploads) accept a multipart body this large.
        configuration.limits.uploadBytes = uploadBytes
        configuration.requestTimeout = Double(requestTimeoutSeconds)
        configuration.minimumUploadRate = Double(minimumUploadBytesPerSecond)
        configuration.uploadRateGrace = Double(uploadGraceSeconds)
        configuration.maxBufferedBodyBytes = maxBufferedBodyBytes
    }
}
