import Foundation

/// Steps that many subjects go through — every node in every hop, or every hop's preparation — told
/// once: for each step the description most of them share, and under it the subjects that do that step
/// differently. Hop versions read `VERSION`, so that the same step in different hops compares equal.
struct StepTemplate: Equatable {
    /// One subject's steps in one hop.
    struct Occurrence {
        /// Who goes through the steps: a node name, or `hop 2`.
        var subject: String
        var hop: Int
        /// The step descriptions, hop version already replaced.
        var steps: [String]
    }

    /// One numbered step of the template.
    struct Slot: Equatable {
        var number: Int
        /// What most subjects do at this step.
        var common: String
        var exceptions: [Exception]
    }

    /// Subjects that do a step differently, or not at all.
    struct Exception: Equatable {
        /// `cp-1`, or `cp-1 (hop 1)` when cp-1 does it this way in some of its hops only.
        var subjects: [String]
        /// nil when the step does not happen for them.
        var description: String?
    }

    /// Stands for the hop's version in every description.
    static let versionPlaceholder = "VERSION"

    var slots: [Slot]

    /// Steps are compared by position: the first step of each subject with the first of the others.
    init(_ occurrences: [Occurrence]) {
        var hopsOfSubject: [String: [Int]] = [:]
        for occurrence in occurrences { hopsOfSubject[occurrence.subject, default: []].append(occurrence.hop) }
        let count = occurrences.map(\.steps.count).max() ?? 0
        slots = (0..<count).compactMap { position in
            var variants: [String?] = []
            var members: [String?: [Occurrence]] = [:]
            for occurrence in occurrences {
                let description = position < occurrence.steps.count ? occurrence.steps[position] : nil
                if members[description] == nil { variants.append(description) }
                members[description, default: []].append(occurrence)
            }
            // The most common description that exists; ties go to the one seen first.
            let common = variants.compactMap { $0 }.max { (members[$0]?.count ?? 0) < (members[$1]?.count ?? 0) }
            guard let common else { return nil }
            let exceptions = variants.filter { $0 != common }.map { variant in
                Exception(
                    subjects: Self.subjects(members[variant] ?? [], hopsOfSubject: hopsOfSubject),
                    description: variant)
            }
            return Slot(number: position + 1, common: common, exceptions: exceptions)
        }
    }

    /// The steps of every node upgrade in the plan.
    static func nodes(of plan: UpgradePlan) -> StepTemplate {
        StepTemplate(
            plan.hops.flatMap { hop in
                hop.nodes.map { node in
                    Occurrence(
                        subject: node.node, hop: hop.number, steps: generic(node.steps.map(\.description), hop))
                }
            })
    }

    /// The steps before each hop's nodes.
    static func preparation(of plan: UpgradePlan) -> StepTemplate {
        StepTemplate(
            plan.hops.map { hop in
                Occurrence(
                    subject: "hop \(hop.number)", hop: hop.number,
                    steps: generic(hop.preparation.map(\.description), hop))
            })
    }

    private static func generic(_ descriptions: [String], _ hop: UpgradePlan.Hop) -> [String] {
        descriptions.map { $0.replacingOccurrences(of: hop.version, with: versionPlaceholder) }
    }

    /// Each subject once, in order, with its hops when it does the step this way in only some of them.
    private static func subjects(_ occurrences: [Occurrence], hopsOfSubject: [String: [Int]]) -> [String] {
        var order: [String] = []
        var hops: [String: [Int]] = [:]
        for occurrence in occurrences {
            if hops[occurrence.subject] == nil { order.append(occurrence.subject) }
            hops[occurrence.subject, default: []].append(occurrence.hop)
        }
        return order.map { subject in
            let these = hops[subject] ?? []
            guard these != hopsOfSubject[subject] ?? [] else { return subject }
            let label = these.count == 1 ? "hop" : "hops"
            return "\(subject) (\(label) \(these.map(String.init).joined(separator: ", ")))"
        }
    }
}
