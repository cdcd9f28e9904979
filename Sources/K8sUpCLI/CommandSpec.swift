/// What a subcommand looks like on the command line: its name, one-line summary, its options under
/// help headings, the rules its usage line shows (alternatives, required choices), its forms and how
/// many positional arguments it takes. Help and usage lines are generated from it.
struct CommandSpec: Sendable {
    let name: String
    let summary: String
    /// The options, grouped as help lists them; `-h/--help` is added as the last group.
    let sections: [OptionSection]
    /// How the usage line groups some options (`[--dry-run | --yes]`); other options show alone.
    let rules: [UsageTerm]
    /// The ways to call the command; one form with all options for most commands.
    let forms: [UsageForm]
    /// Longer help text shown by `--help` after the options.
    let discussion: String
    /// How many positional arguments are allowed.
    let maxPositionals: Int

    init(
        name: String, summary: String, sections: [OptionSection], rules: [UsageTerm] = [],
        forms: [UsageForm] = [UsageForm()], discussion: String = "", maxPositionals: Int = 0
    ) {
        self.name = name
        self.summary = summary
        self.sections = sections + [OptionSection("Help", [Options.help])]
        self.rules = rules
        self.forms = forms
        self.discussion = discussion
        self.maxPositionals = maxPositionals
    }

    /// Every option the command accepts, in help order.
    var options: [OptionSpec] { sections.flatMap(\.options) }

    /// The options usage lines show: all but `--help`, which every command takes.
    var usageOptions: [OptionSpec] { options.filter { $0.long != Options.help.spec.long } }

    /// Each form's terms after `k8sup NAME`.
    var usageForms: [[UsageTerm]] { forms.map { $0.terms(options: usageOptions, rules: rules) } }

    func option(long: String) -> OptionSpec? { options.first { $0.long == long } }
    func option(short: Character) -> OptionSpec? { options.first { $0.short == short } }
}
