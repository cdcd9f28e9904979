/// A piece of a usage line. A command's usage is generated: every option it declares appears as
/// `[--name VALUE]` in declaration order, except those a rule of the command shows differently
/// (alternatives, required forms); the rule then stands where its first option would.
indirect enum UsageTerm: Sendable {
    /// An option as is: `--graph`, `-i PATH`.
    case option(OptionSpec)
    /// A word or positional argument: `GROUP`, `show`, `NAME|FILE...`.
    case operand(String)
    /// `[term]`; `[-i PATH]...` for a repeatable option.
    case optional(UsageTerm)
    /// Terms one after the other: `--graph [GROUP] [--vars]`.
    case sequence([UsageTerm])
    /// Alternatives: `(a | b)` when one is required, `[a | b]` when all are optional.
    case choice([UsageTerm], required: Bool)

    static func option(_ key: some OptionDeclaring) -> UsageTerm { .option(key.spec) }

    /// `[--dry-run | --yes]`: at most one of them.
    static func atMostOne(_ alternatives: UsageTerm...) -> UsageTerm { .choice(alternatives, required: false) }

    /// `(--list | --host HOST)`: exactly one of them.
    static func exactlyOne(_ alternatives: UsageTerm...) -> UsageTerm { .choice(alternatives, required: true) }

    /// The term as a usage line shows it.
    var text: String {
        switch self {
        case .option(let option): option.usageName
        case .operand(let word): word
        case .optional(.option(let option)) where option.repeatable: "[\(option.usageName)]..."
        case .optional(let term): "[\(term.text)]"
        case .sequence(let terms): terms.map(\.text).joined(separator: " ")
        case .choice(let terms, let required):
            (required ? "(" : "[") + terms.map(\.text).joined(separator: " | ") + (required ? ")" : "]")
        }
    }

    /// The options the term mentions, in order.
    var options: [OptionSpec] {
        switch self {
        case .option(let option): [option]
        case .operand: []
        case .optional(let term): term.options
        case .sequence(let terms), .choice(let terms, _): terms.flatMap(\.options)
        }
    }
}

/// One way to call a command, for commands whose actions take different arguments
/// (`k8sup playbook show NAME|FILE ...`); most commands have one form with every option.
struct UsageForm: Sendable {
    /// The words after `k8sup COMMAND`: an action and its operands (`show`, `NAME|FILE`).
    let words: [String]
    /// The long names of the options this form takes; nil for all of the command's.
    let optionNames: [String]?

    init(_ words: String..., options: [any OptionDeclaring]? = nil) {
        self.words = words
        self.optionNames = options?.map(\.spec.long)
    }

    /// The form's terms: its words, then the command's options in order, each alone as `[--name VALUE]`
    /// or inside the first rule that mentions it.
    func terms(options: [OptionSpec], rules: [UsageTerm]) -> [UsageTerm] {
        var terms = words.map(UsageTerm.operand)
        var shownRules: Set<Int> = []
        for option in options where optionNames?.contains(option.long) ?? true {
            guard let index = rules.firstIndex(where: { $0.options.contains { $0.long == option.long } }) else {
                terms.append(.optional(.option(option)))
                continue
            }
            if shownRules.insert(index).inserted { terms.append(rules[index]) }
        }
        return terms
    }
}
