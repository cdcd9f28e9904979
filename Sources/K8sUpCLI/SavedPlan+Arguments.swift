import K8sUpUseCases

extension SavedPlan {
    /// `given` with the saved plan's target, intermediate versions, limit and batch size, so the fresh
    /// plan is made the way the saved one was.
    /// - Throws: `UsageError` when the command line sets one of them to something else.
    func arguments(_ given: ParsedArguments, command: String) throws(UsageError) -> ParsedArguments {
        var arguments = given
        let saved: [(any OptionDeclaring, [String])] = [
            (Options.to, [plan.target.version]), (Options.via, plan.hops.dropLast().map(\.version)),
            (Options.limit, plan.limit.map { [$0] } ?? []),
            (Options.batch, [plan.autoBatch == nil ? "\(plan.batchSize)" : "auto"]),
            (Options.maxUnavailable, plan.autoBatch.map { [$0.maxUnavailable] } ?? []),
            (Options.batchAcrossZones, plan.autoBatch?.acrossZones == true ? [""] : []),
        ]
        for (option, values) in saved {
            let current = given.texts(option)
            guard current.isEmpty || current == values else {
                throw UsageError(
                    "--\(option.spec.long) \(current.joined(separator: ",")) differs from the plan in \(path) "
                        + "(\(values.isEmpty ? "none" : values.joined(separator: ","))); leave it out with --plan",
                    command: command)
            }
            do {
                try arguments.replace(option, with: values)
            } catch {
                throw UsageError("the plan in \(path) cannot be applied: \(error.message)", command: command)
            }
        }
        return arguments
    }
}
