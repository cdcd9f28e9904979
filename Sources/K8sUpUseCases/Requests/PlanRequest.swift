/// `plan`: what to plan and how to show it.
package struct PlanRequest: Sendable {
    package var planning = PlanningRequest()
    package var output = OutputFormat.text
    /// List every node's steps in the text, not only the summary.
    package var verbose = false
    /// Also save the plan as JSON there, for `apply --plan`.
    package var savePath: String?

    package init() {}
}
