/// `apt-mark hold|unhold PKG…` and `apt-mark showhold`, with apt-mark's messages.
struct AptMarkStandIn {
    var context: StandInContext

    func run() -> Int32 {
        let words = context.arguments.filter { !$0.hasPrefix("-") }
        guard let verb = words.first else { return context.fail("E", "No operation given", status: 100) }
        let packages = words.dropFirst()
        do {
            var state = try context.loadState()
            switch verb {
            case "hold":
                for package in packages {
                    let (inserted, _) = state.held.insert(package)
                    context.out(inserted ? "\(package) set on hold.\n" : "\(package) was already set on hold.\n")
                }
            case "unhold":
                for package in packages {
                    let removed = state.held.remove(package) != nil
                    context.out(removed ? "Canceled hold on \(package).\n" : "\(package) was already not on hold.\n")
                }
            case "showhold":
                for package in state.held.sorted() { context.out(package + "\n") }
                return 0
            default:
                return context.fail("E", "k8sim: `apt-mark \(verb)` is not simulated", status: 100)
            }
            try context.save(state)
            return 0
        } catch {
            return context.fail("E", "k8sim: \(error)", status: 100)
        }
    }
}
