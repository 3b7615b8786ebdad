import Domain
import Foundation

/// The yearly monitoring report as a PDF with the same content as the page: per objective and action, each KPI's
/// target against its values with a bar per year, status notes, contributions and live risks.
enum PlanReportPDF {
    static func render(_ model: PlanReportPage.Model, _ context: PageContext) -> [UInt8] {
        // The PDF's fonts cover Latin scripts; readers of other scripts get the city's default language.
        var context = context
        if context.language.isRightToLeft || ![LanguageCode.finnish, .swedish, .english].contains(context.language) {
            context.t = Translator(language: model.city.defaultLanguage, catalogs: context.t.catalogs)
        }
        let t = context.t
        let plan = model.document.plan
        var pdf = PDFDocument()
        pdf.text(Localized.string(plan.title, context), size: 16, bold: true)
        pdf.text(t("plans.reports.heading", ["year": String(model.year)]), size: 13, bold: true)
        let lock = model.document.locks.first { $0.year == model.year }
        pdf.text(
            lock.map { t("plans.reports.locked", ["day": CalendarDay($0.lockedAt).description]) }
                ?? t("plans.reports.draft"), size: 9)
        if !plan.goal.isEmpty { pdf.text(Localized.string(plan.goal, context), gap: 10) }
        for objective in model.document.objectives {
            pdf.text(
                t("plans.objective.heading", ["number": String(objective.number)]) + " "
                    + Localized.string(objective.title, context), size: 12, bold: true, gap: 6)
            for action in model.document.actions(of: objective.id) where action.firstYear <= model.year {
                write(action, model, context, into: &pdf)
            }
        }
        return pdf.data()
    }

    private static func write(
        _ action: PlanAction, _ model: PlanReportPage.Model, _ context: PageContext, into pdf: inout PDFDocument
    ) {
        let t = context.t
        let year = model.year
        pdf.text(
            t("plans.action.heading", ["number": String(action.number)]) + " "
                + Localized.string(action.title, context),
            size: 11, bold: true, indent: 10)
        let leads = action.leads(in: year).compactMap { model.names[$0].map { Localized.string($0, context) } }
        pdf.text(
            t("plans.action_status.\(action.status.rawValue)") + " · " + t("plans.field.leads") + ": "
                + leads.joined(separator: ", "), size: 9, indent: 10)
        for kpi in model.document.kpis(of: action.id) {
            let reading = model.evaluation.reading(kpi.id, year: year)
            let status = model.evaluation.statuses[kpi.id] ?? .notMeasured
            pdf.text(Localized.string(kpi.description, context), size: 10, bold: true, indent: 20, gap: 1)
            pdf.text(
                t("plans.field.target") + ": " + PlanText.target(kpi, t: t) + " · " + t("plans.field.value") + ": "
                    + (reading.map { PlanText.value($0.value, kpi: kpi, t: t) } ?? t("plans.reports.no_value")) + " · "
                    + t("plans.kpi_status.\(status.rawValue)"), size: 9, indent: 20, gap: 2)
            let goal: Double =
                switch kpi.target {
                case .yes: 1
                case .number(let value): value
                }
            pdf.bars(
                (model.evaluation.readings[kpi.id] ?? []).map { (String($0.year), $0.value, kpi.meets($0.value)) },
                target: goal, indent: 20)
        }
        for note in model.document.notes(of: action.id) where note.day.year == year {
            pdf.text(note.day.description + " — " + note.text, size: 9, indent: 20)
        }
        for contribution in model.document.contributions
        where contribution.year == year && contribution.actionID == action.id {
            let name = model.names[contribution.organisationID].map { Localized.string($0, context) } ?? ""
            pdf.text(name + ": " + contribution.text, size: 9, indent: 20)
        }
        for risk in model.document.risks(of: action.id) where risk.isLive {
            pdf.text(
                t("plans.severity.\(risk.severity.rawValue)") + ": " + Localized.string(risk.description, context),
                size: 9, indent: 20)
        }
        pdf.text("", size: 4)
    }
}
