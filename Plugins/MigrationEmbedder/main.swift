import Foundation

// Usage: MigrationEmbedder OUTPUT.swift 001_name.sql 002_name.sql ...
// Writes a Swift file declaring `embeddedMigrations`, one entry per file, in file-name order.
let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: MigrationEmbedder OUTPUT FILE...\n".utf8))
    exit(2)
}

var swift = "// Generated from Schemas/migrations by the EmbedMigrations plugin. Do not edit.\n"
swift += "let embeddedMigrations: [(file: String, sql: String)] = [\n"
for path in arguments.dropFirst().sorted() {
    let name = URL(fileURLWithPath: path).lastPathComponent
    let sql = try String(contentsOfFile: path, encoding: .utf8)
    // A raw string delimiter longer than any run of # in the SQL keeps the text verbatim.
    var hashes = "#"
    while sql.contains("\"" + hashes) { hashes += "#" }
    swift += "    (file: \"\(name)\", sql: \(hashes)\"\"\"\n\(sql)\n\"\"\"\(hashes)),\n"
}
swift += "]\n"
try swift.write(toFile: output, atomically: true, encoding: .utf8)
