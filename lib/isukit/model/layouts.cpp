#include <isukit/model/layouts.hpp>

#include <array>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace isukit::model {

namespace {

using io::Shape;
using Fields = std::vector<Shape::Field>;

Shape text() {
  return Shape::scalar();
}
Shape list(Shape item) {
  return Shape::list(std::move(item));
}
Shape map(Fields fields) {
  return Shape::mapping(std::move(fields));
}
Shape texts() {
  return list(text());
}
Shape by_year() {
  return Shape::keyed(text());
} // `2025: 1000.00`
/// Notes in several languages, one key per language (`en:`, `fr:`, ...).
Shape translated_notes() {
  return list(Shape::keyed(text()));
}

/// Text fields under their names: the common case.
Fields plain(std::initializer_list<const char *> keys) {
  Fields fields;
  for (const char *key : keys) {
    fields.push_back({key, text()});
  }
  return fields;
}

/// `fields` followed by `more`.
Fields with(Fields fields, Fields more) {
  for (auto &field : more) {
    fields.push_back(std::move(field));
  }
  return fields;
}

Shape document(Fields fields) {
  return map(with({{"kind", text()}}, std::move(fields)));
}

Shape states() {
  return document({{"source", text()},
                   {"as_of", text()},
                   {"note", text()},
                   {"notes", texts()},
                   {"states", list(map(plain({"code", "name_*", "formal_*", "un_member",
                                              "regional_group", "ldc", "ldc_graduation"})))}});
}

/// A reference scale of assessments (data/scales: the UN's, as the General Assembly adopted it).
Shape scale() {
  return document(with(plain({"id", "resolution", "source", "as_of", "note"}),
                       {{"notes", texts()},
                        {"period", map(plain({"from", "to"}))},
                        {"rates", list(map(plain({"state", "rate"})))},
                        {"non_member_rates", list(map(plain({"state", "rate"})))}}));
}

/// The scale `assess scale` derives for a treaty and a year: the reference scale adjusted to the
/// treaty's paying parties by its cost-sharing rules. A kind of its own, so that it is never
/// taken for a UN scale.
Shape treaty_scale() {
  return document(
      with(plain({"id", "treaty", "year", "base_scale", "base_scale_pinned", "parties_on",
                  "states_paying"}),
           {{"rates",
             list(map(plain({"state", "organization", "un_rate", "rate", "basis", "rule"})))}}));
}

/// Who letters come from and how to pay (model/isu): the treaty file's `isu` section and the
/// user's `isu` document.
Fields isu_fields() {
  return with(plain({"name_*", "email", "note"}),
              {{"address", texts()},
               {"address_*", texts()},
               {"signatory", map(plain({"name", "title_*"}))},
               {"payment", map(plain({"account_name", "bank", "iban", "account_number", "swift",
                                      "currency", "note"}))}});
}

Shape isu() {
  return document(isu_fields());
}

/// Who letters to states go to (model/contacts).
Shape contacts() {
  return document(
      with(plain({"note"}),
           {{"contacts",
             list(map(with(plain({"state", "addressee", "email", "salutation", "language", "note"}),
                           {{"address", texts()}})))}}));
}

/// A treaty with its instruments, or a trust fund with only its contributors (assess.1, TREATY
/// FILES); cost_sharing as model/cost_sharing reads it.
Shape treaty() {
  const Shape rounding = map(plain({"method", "unit"}));
  const Shape cost_sharing =
      map(with(plain({"instrument", "parties_on", "min_un_rate", "without_un_rate", "ceiling",
                      "floor", "ldc_ceiling", "minimum_contribution", "basis", "note"}),
               {{"scales", texts()},
                {"scale_for_years", Shape::keyed(text())},
                {"fixed_shares", Shape::keyed(text())},
                {"rounding", rounding}}));
  return document(with(
      plain({"id", "short_name_*", "name_*", "currency", "source", "as_of", "instruments_source",
             "reporting_note"}),
      {{"entry_into_force", map(plain({"rule", "months", "article", "note"}))},
       {"instruments", list(map(plain({"id", "name_*", "entry_into_force", "outreach_*"})))},
       {"organizations", list(map(plain({"code", "name_*"})))},
       {"reporting",
        list(map(plain({"id", "instrument", "name_*", "basis", "basis_*", "initial_due_days",
                        "annual_due", "first_period", "first_period_note", "note"})))},
       {"reports_to", map(plain({"email", "copy", "source"}))},
       {"deadline_rules", list(map(plain({"article", "years_after_entry_into_force", "name_*"})))},
       {"deadlines", list(map(plain({"state", "article", "deadline", "extended_to", "extended_on",
                                     "completed_on", "note"})))},
       {"cost_sharing", cost_sharing},
       {"working_capital_fund",
        map(plain({"established", "note"}))}, // described for people; no tool reads it yet
       {"isu", map(isu_fields())},
       {"invoices", map(plain({"due_days_after_issue", "due_not_before_year", "basis"}))},
       {"arrears", map(plain({"consequence_*", "basis", "basis_*"}))},
       {"signatories", list(map(plain({"state", "signed", "note"})))},
       {"withdrawals", list(map(plain({"state", "instrument", "notified", "effective", "note"})))},
       {"parties", list(map(with(plain({"state", "organization", "signed", "how", "note"}),
                                 {{"deposits", Shape::keyed(text())}})))}}));
}

Shape budget() {
  // `unit_cost` is one figure or one per year (`{2025: 10.00, 2026: 11.00}`): its reader,
  // model/budget, checks which.
  const Shape rule =
      map(with(plain({"share", "quantity"}), {{"of", texts()}, {"unit_cost", Shape::any()}}));
  const Shape line = map(with(plain({"id", "label_*", "note_*", "in_kind_*"}),
                              {{"amounts", by_year()}, {"rule", rule}, {"stated", by_year()}}));
  return document(
      with(plain({"id", "title_*", "currency", "rounding", "status", "note", "source", "as_of"}),
           {{"years", map(plain({"from", "to"}))},
            {"notes", translated_notes()},
            {"lines", list(line)},
            {"stated_totals", by_year()}}));
}

Shape budget_table() {
  return document(with(plain({"budget", "currency"}),
                       {{"years", texts()},
                        {"lines", list(map(with(plain({"id", "label", "total", "in_kind"}),
                                                {{"amounts", by_year()}})))},
                        {"totals", by_year()}}));
}

Shape budget_totals() {
  return document(with(plain({"budget", "currency", "period_total"}),
                       {{"years", list(map(plain({"year", "total"})))}}));
}

Shape budget_check() {
  return document(
      {{"budgets", texts()},
       {"deviations",
        list(map(plain({"budget", "line", "year", "stated", "computed", "difference"})))}});
}

Shape budget_comparison() {
  return document(with(plain({"estimates", "actuals", "currency"}),
                       {{"rows", list(map(plain({"line", "year", "estimated", "actual", "variance",
                                                 "variance_percent"})))}}));
}

Shape assessments() {
  return document(
      with(plain({"treaty", "year", "currency", "total", "difference", "note"}),
           {{"basis", map(plain({"scale", "parties_on", "minimum_contribution", "rounding"}))},
            {"assessments",
             list(map(plain({"state", "organization", "amount", "rate", "rule", "note"})))}}));
}

Shape payments() {
  return document(
      with(plain({"currency", "note"}),
           {{"payments", list(map(plain({"date", "state", "amount", "currency", "reference", "year",
                                         "note", "source", "payer", "matched"})))}}));
}

/// How one bank's export is read by `assess import` (model/import_rules).
Shape import_rules() {
  return document(with(plain({"note", "format", "encoding", "separator", "quote", "currency",
                              "date_format", "decimal_mark", "grouping", "debits", "reversals",
                              "year_pattern", "account", "date", "reference"}),
                       {{"header", map(with(plain({"line"}), {{"cells", texts()}}))},
                        {"columns", Shape::keyed(text())},
                        {"sign", map(plain({"parentheses", "trailing_minus", "credit", "debit"}))},
                        {"leave_out", list(map(plain({"name", "field", "column", "pattern"})))},
                        {"aliases", Shape::keyed(text())},
                        {"drop_words", texts()}}));
}

/// The payers `assess import` set aside, with their closest states.
Shape unmatched_payments() {
  return document(
      {{"payments", list(map(with(plain({"date", "amount", "currency", "year", "reference",
                                         "source", "payer", "remittance", "problem"}),
                                  {{"candidates", texts()}})))}});
}

Shape fund() {
  return document(with(
      plain({"fund", "currency", "note"}),
      {{"movements", list(map(plain({"date", "amount", "description", "reference", "note"})))}}));
}

/// Arrears by age: the current year's, one, two, three years old or more.
Shape aging() {
  return map(plain({"current_year", "one_year", "two_years", "three_years_or_more"}));
}

Shape contributions_status() {
  const Shape year = map(plain({"year", "assessed", "received", "outstanding"}));
  const Shape state = map(with(plain({"state", "outstanding", "credit", "article_19"}),
                               {{"years", list(year)}, {"aging", aging()}}));
  return document(with(plain({"treaty", "as_of", "currency", "credits"}),
                       {{"current_year", map(plain({"year", "assessed", "received", "outstanding",
                                                    "collection_rate"}))},
                        {"closed_years", map(plain({"through", "outstanding"}))},
                        {"aging", aging()},
                        {"article_19", texts()},
                        {"states", list(state)}}));
}

Shape arrears() {
  const Shape state =
      map(with(plain({"state", "outstanding", "credit", "article_19"}),
               {{"years", list(map(plain({"year", "outstanding"})))}, {"aging", aging()}}));
  return document(with(plain({"treaty", "as_of", "currency", "closed_only", "min_years",
                              "min_amount", "total", "credits"}),
                       {{"aging", aging()}, {"states", list(state)}}));
}

Shape statement() {
  const Shape part = map(plain({"year", "amount", "credit"}));
  const Shape line = map(with(plain({"date", "entry", "reference", "year", "amount", "balance"}),
                              {{"credited", list(part)}}));
  const Shape closing = map(with(plain({"credit", "total_due"}),
                                 {{"outstanding", list(map(plain({"year", "outstanding"})))}}));
  return document(with(plain({"treaty", "as_of", "currency", "state"}),
                       {{"lines", list(line)}, {"closing", closing}}));
}

Shape fund_status() {
  return document(with(plain({"as_of", "currency", "balance", "monthly_cost", "months_covered"}),
                       {{"movements", list(map(plain({"date", "amount", "description"})))}}));
}

Shape reports() {
  return document(
      with(plain({"treaty", "note"}),
           {{"reports",
             list(map(plain({"state", "obligation", "period", "received", "symbol", "note"})))}}));
}

Fields obligation_fields() {
  return plain({"state", "obligation", "period", "due", "entry_into_force"});
}

Shape obligations() {
  return document(with(plain({"treaty", "as_of", "upcoming"}),
                       {{"obligations", list(map(obligation_fields()))}}));
}

Shape reports_status() {
  return document(with(
      plain({"treaty", "as_of"}),
      {{"summary",
        list(map(plain({"obligation", "period", "owed", "on_time", "late", "missing", "rate"})))},
       {"reports", list(map(with(obligation_fields(), plain({"received", "standing"}))))}}));
}

Shape overdue_reports() {
  return document(
      with(plain({"treaty", "as_of"}),
           {{"overdue", list(map(with(obligation_fields(), plain({"days_overdue"}))))}}));
}

/// Who is party to what (report-status parties).
Shape parties() {
  return document(
      with(plain({"treaty", "as_of"}),
           {{"counts", list(map(plain({"instrument", "parties", "in_force", "signatories",
                                       "withdrawn", "not_party"})))},
            {"by_group", list(map(plain({"instrument", "group", "parties", "states"})))},
            {"states",
             list(map(plain({"state", "instrument", "standing", "in_force", "signed", "deposited",
                             "how", "entry_into_force", "withdrawal_effective"})))}}));
}

Shape deadlines() {
  return document(
      with(plain({"treaty", "as_of", "until"}),
           {{"deadlines", list(map(plain({"deadline", "state", "article", "original_deadline",
                                          "extended", "passed", "days_left"})))}}));
}

Shape programme() {
  const Shape meeting =
      map(plain({"id", "name_*", "city", "city_*", "start", "end", "dsa", "note"}));
  return document(with(plain({"id", "name_*", "treaty", "note", "currency", "fund", "one_per_state",
                              "waiting_list"}),
                       {{"meetings", list(meeting)},
                        {"eligibility", map({{"regional_groups", texts()},
                                             {"exclude_states", texts()},
                                             {"party_status", texts()}})},
                        {"priorities", texts()},
                        {"targets", map(plain({"women_share", "min_per_group"}))}}));
}

Shape applications() {
  return document(with(
      plain({"programme", "note"}),
      {{"applications", list(map(plain({"id", "name", "state", "gender", "function", "meeting",
                                        "days", "ticket", "received", "first_time", "notes"})))}}));
}

/// A reason of sponsor's: its code and the parameters its words take (sponsor/reasons).
Shape reason() {
  return Shape::keyed(text());
}

Shape selection() {
  const Shape application = map(with(
      plain({"id", "name", "state", "state_name_*", "regional_group", "party_status", "ldc",
             "gender", "function", "meeting", "days", "ticket", "dsa", "cost", "rank", "decision"}),
      {{"reason", reason()}}));
  return document(with(
      plain({"programme", "programme_name_*", "treaty", "currency", "fund", "spent", "remaining"}),
      {{"meetings", list(map(plain({"id", "name_*", "city", "city_*", "start", "end"})))},
       {"applications", list(application)},
       {"targets", list(reason())}}));
}

/// A language's words (data/i18n; model/catalogue).
Shape catalogue() {
  return document(with(plain({"language", "name", "source", "locale"}),
                       {{"plural", Shape::keyed(text())},
                        {"dates", map(with(plain({"first_day"}), {{"months", texts()}}))},
                        {"messages", Shape::keyed(Shape::any())},
                        {"contractions", list(map(plain({"from", "to"})))}}));
}

Shape sponsorship_report() {
  const Shape breakdown = list(map(plain({"value", "delegates", "cost"})));
  return document(
      with(plain({"programme", "currency", "fund", "sponsored", "cost", "fund_used_percent"}),
           {{"by", Shape::keyed(breakdown)}}));
}

/// A kind and the function that builds its layout.
struct Layout {
  std::string_view kind;
  Shape (*build)();
};

constexpr std::array layouts{
    Layout{"states", states},
    Layout{"scale", scale},
    Layout{"treaty-scale", treaty_scale},
    Layout{"treaty", treaty},
    Layout{"budget", budget},
    Layout{"budget-table", budget_table},
    Layout{"budget-totals", budget_totals},
    Layout{"budget-check", budget_check},
    Layout{"budget-comparison", budget_comparison},
    Layout{"assessments", assessments},
    Layout{"payments", payments},
    Layout{"import-rules", import_rules},
    Layout{"unmatched-payments", unmatched_payments},
    Layout{"fund", fund},
    Layout{"contributions-status", contributions_status},
    Layout{"arrears", arrears},
    Layout{"statement", statement},
    Layout{"fund-status", fund_status},
    Layout{"reports", reports},
    Layout{"obligations", obligations},
    Layout{"reports-status", reports_status},
    Layout{"overdue-reports", overdue_reports},
    Layout{"deadlines", deadlines},
    Layout{"parties", parties},
    Layout{"programme", programme},
    Layout{"applications", applications},
    Layout{"selection", selection},
    Layout{"eligibility", selection}, // sponsor check: a selection's records, nothing selected
    Layout{"sponsorship-report", sponsorship_report},
    Layout{"catalogue", catalogue},
    Layout{"contacts", contacts},
    Layout{"isu", isu},
};

} // namespace

const io::Shape *layout_of(std::string_view kind) {
  // Each kind's layout is built when a document of that kind is first checked: building all of
  // them cost each call 0.8 M instructions, for the few kinds a call reads.
  static std::array<std::optional<Shape>, layouts.size()> built;
  for (std::size_t i = 0; i < layouts.size(); ++i) {
    if (layouts[i].kind == kind) {
      if (!built[i]) {
        built[i] = layouts[i].build();
      }
      return &*built[i];
    }
  }
  return nullptr;
}

const std::vector<std::string> &known_kinds() {
  static const std::vector<std::string> kinds = [] {
    std::vector<std::string> all;
    for (const auto &layout : layouts) {
      all.emplace_back(layout.kind);
    }
    return all;
  }();
  return kinds;
}

} // namespace isukit::model
