import Foundation

/// An ssh command line as OpenSSH reads it: options (bundled flags, `-o K=V` and `-oK=V`, `-p PORT`,
/// `-l USER`, …), the destination, options again after it unless `--` ended them, then the remote
/// command words.
struct SSHCommandLine: Equatable {
    var user: String?
    var host: String
    var port: Int?
    /// `-o` options in order, as written (`BatchMode=yes`, `ProxyCommand=ssh … -W …`).
    var options: [String] = []
    /// The remote command's words; ssh joins them with spaces for the remote shell.
    var command: [String] = []
    /// `-O exit|check|stop`: a request to a master connection, not a session.
    var controlCommand: String?
    var printsVersion = false

    /// ssh's options that take an argument (`ssh -h`).
    private static let withArgument = Set("BbcDEeFIiJLlmOoPpQRSWw")

    /// A command line ssh itself would refuse, with ssh's message.
    struct Failure: Error, Equatable {
        var message: String
    }

    init(parsing arguments: [String]) throws(Failure) {
        var destination: String?
        var index = 0
        var parsingOptions = true
        var user: String?
        var port: Int?
        var options: [String] = []
        var control: String?
        var version = false
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if parsingOptions && word == "--" {
                parsingOptions = false
                continue
            }
            if parsingOptions && word.count > 1 && word.hasPrefix("-") {
                var flags = Substring(word.dropFirst())
                while let flag = flags.first {
                    flags = flags.dropFirst()
                    if flag == "V" { version = true }
                    guard Self.withArgument.contains(flag) else { continue }
                    let value: String
                    if !flags.isEmpty {
                        value = String(flags)
                        flags = ""
                    } else if index < arguments.count {
                        value = arguments[index]
                        index += 1
                    } else {
                        throw Failure(message: "option requires an argument -- \(flag)")
                    }
                    switch flag {
                    case "o": options.append(value)
                    case "l": user = value
                    case "O": control = value
                    case "p":
                        guard let number = Int(value), (1...65535).contains(number) else {
                            throw Failure(message: "Bad port '\(value)'")
                        }
                        port = number
                    default: break
                    }
                }
                continue
            }
            guard destination == nil else {
                // The first word after the destination that is not an option starts the command.
                index -= 1
                break
            }
            destination = word
        }
        self.options = options
        self.controlCommand = control
        self.printsVersion = version
        self.command = Array(arguments[index...])
        guard let destination else {
            if version {
                self.host = ""
                return
            }
            throw Failure(message: "usage: ssh [options] destination [command [argument ...]]")
        }
        var host = Substring(destination)
        if host.hasPrefix("ssh://") {
            host = host.dropFirst(6)
            if let colon = host.lastIndex(of: ":"), let number = Int(host[host.index(after: colon)...]) {
                port = port ?? number
                host = host[..<colon]
            }
        }
        if let at = host.lastIndex(of: "@") {
            user = user ?? String(host[..<at])
            host = host[host.index(after: at)...]
        }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        self.host = String(host)
        self.user = user
        self.port = port ?? options.lazy.compactMap(Self.portOption).first
    }

    /// `Port=2222` or `Port 2222` in an `-o` option.
    private static func portOption(_ option: String) -> Int? {
        let parts = option.split(maxSplits: 1, whereSeparator: { $0 == "=" || $0 == " " })
        guard parts.count == 2, parts[0].lowercased() == "port" else { return nil }
        return Int(parts[1].trimmingCharacters(in: .whitespaces))
    }

    /// The line the remote shell runs: the command words joined with spaces, as sshd receives them.
    var remoteLine: String { command.joined(separator: " ") }
}
