/// Reads `--flag value` pairs after a command's positional arguments, refusing unknown flags.
enum CommandOptions {
    /// - Parameters:
    ///   - arguments: the whole argument list of the command.
    ///   - start: the index of the first flag.
    ///   - allowed: the flags the command takes.
    ///   - usage: shown with a refusal.
    /// - Throws: `HubctlError` (exit status 2) for an unknown flag or one without a value.
    static func parse(_ arguments: [String], from start: Int, allowed: Set<String>, usage: String) throws -> [String: String] {
        var options: [String: String] = [:]
        var index = start
        while index < arguments.count {
            let flag = arguments[index]
            guard allowed.contains(flag), index + 1 < arguments.count else {
                throw HubctlError(message: "unexpected argument \(flag)\n" + usage, exitCode: 2)
            }
            options[flag] = arguments[index + 1]
            index += 2
        }
        return options
    }
}
