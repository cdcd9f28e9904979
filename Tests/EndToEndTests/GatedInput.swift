import Dispatch
import K8sUpTestSupport
import Synchronization

@testable import K8sSimKit
@testable import K8sUpCLI
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// A terminal whose operator answers "y" to every question but holds back the answer to question
/// number `held` until the test calls `release()`: a run with `--confirm-each` then stops at a known
/// point, for as long as the test needs, without any timing.
final class GatedInput: ConsoleInput {
    let isTerminal = true
    private let held: Int
    private let questions = Mutex(0)
    private let answer = DispatchSemaphore(value: 0)

    init(holding held: Int) {
        self.held = held
    }

    /// Blocks the asking thread at the held question (the CLI reads its answers synchronously).
    func readLine() -> String? {
        let number = questions.withLock { count in
            count += 1
            return count
        }
        if number == held { answer.wait() }
        return "y"
    }

    /// How many questions were asked so far.
    var asked: Int { questions.withLock { $0 } }

    /// Lets the held question be answered.
    func release() {
        answer.signal()
    }

    /// Waits until the held question is asked (true), or `gaveUp` says the run ended first (false).
    func waitUntilHeld(unless gaveUp: @Sendable () -> Bool) async -> Bool {
        while asked < held {
            if gaveUp() { return asked >= held }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return true
    }
}
