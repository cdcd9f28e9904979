import Glibc

/// Names for the signals a command is usually killed by, as shells print them.
package enum SignalNames {
    /// `SIGKILL` for 9; `signal 42` for a number without a common name.
    package static func name(of signal: Int32) -> String {
        switch signal {
        case SIGHUP: return "SIGHUP"
        case SIGINT: return "SIGINT"
        case SIGQUIT: return "SIGQUIT"
        case SIGABRT: return "SIGABRT"
        case SIGKILL: return "SIGKILL"
        case SIGSEGV: return "SIGSEGV"
        case SIGPIPE: return "SIGPIPE"
        case SIGTERM: return "SIGTERM"
        case SIGBUS: return "SIGBUS"
        default: return "signal \(signal)"
        }
    }
}
