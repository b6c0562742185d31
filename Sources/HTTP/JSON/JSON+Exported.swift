// The hub's JSON (values, reader, writer, Codable) lives in its own module; every user of HTTP has it.
@_exported import JSON
