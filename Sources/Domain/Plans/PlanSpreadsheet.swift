import Foundation

/// A plan's actions and KPIs as CSV for spreadsheets: one row each with its id, texts in every language of the
/// city, organisations by name (their id when they have none). `PlanSpreadsheetImport` reads the same columns back.
public enum PlanSpreadsheet {
    public static func actions(
        _ document: PlanDocument, languages: [LanguageCode], names: [OrganisationID: String]
    ) -> String {
        let objectives = Dictionary(uniqueKeysWithValues: document.objectives.map { ($0.id, $0.number) })
        let header =
            ["id", "objective", "number"] + languages.map { "title_\($0.rawValue)" }
            + languages.map { "description_\($0.rawValue)" }
            + ["first_year", "last_year", "status", "leads", "partners", "budget_euros"]
            + languages.map { "funding_\($0.rawValue)" }
        var rows = [header]
        for action in document.actions.sorted(by: { ($0.number, $0.id.description) < ($1.number, $1.id.description) }) {
            let leads = action.leads.keys.sorted().map { year in
                "\(year): " + (action.leads[year] ?? []).map { names[$0] ?? $0.description }.joined(separator: " + ")
            }
            var row: [String] = [
                action.id.description, String(objectives[action.objectiveID] ?? 0), String(action.number),
            ]
            row += languages.map { action.title.translations[$0]?.text ?? "" }
            row += languages.map { action.description.translations[$0]?.text ?? "" }
            row += [String(action.firstYear), String(action.lastYear), action.status.rawValue]
            row.append(leads.joined(separator: "; "))
            row.append(action.partnerIDs.map { names[$0] ?? $0.description }.joined(separator: "; "))
            row.append(action.budgetCents.map { ActivityInput.euros($0) } ?? "")
            row += languages.map { action.fundingSource.translations[$0]?.text ?? "" }
            rows.append(row)
        }
        return CSVWriter.text(rows)
    }

    public static func kpis(_ document: PlanDocument, languages: [LanguageCode], evaluation: PlanEvaluation) -> String {
        let actions = Dictionary(uniqueKeysWithValues: document.actions.map { ($0.id, $0.number) })
        let years = Array(document.plan.years)
        let header =
            ["id", "action"] + languages.map { "description_\($0.rawValue)" }
            + ["unit", "baseline", "target", "direction", "period", "due", "rule", "status"] + years.map(String.init)
        var rows = [header]
        for kpi in document.kpis.sorted(by: {
            (actions[$0.actionID] ?? 0, $0.due) < (actions[$1.actionID] ?? 0, $1.due)
        }) {
            let target: String =
                switch kpi.target {
                case .yes: "yes"
                case .number(let value): KPIInput.format(value)
                }
            var row: [String] = [kpi.id.description, String(actions[kpi.actionID] ?? 0)]
            row += languages.map { kpi.description.translations[$0]?.text ?? "" }
            row += [kpi.unit, kpi.baseline.map(KPIInput.format) ?? "", target, kpi.direction.rawValue]
            row += [kpi.period.rawValue, kpi.due.description, kpi.rule?.text ?? "manual"]
            row.append((evaluation.statuses[kpi.id] ?? .notMeasured).rawValue)
            row += years.map { year in evaluation.reading(kpi.id, year: year).map { KPIInput.format($0.value) } ?? "" }
            rows.append(row)
        }
        return CSVWriter.text(rows)
    }
}
