#include <isukit/io/shape.hpp>
#include <isukit/model/documents.hpp>
#include <isukit/model/reports.hpp>

#include <fmt/format.h>

#include <unordered_map>

namespace isukit::model {

std::vector<io::Document> read_reports_documents(const std::vector<std::string> &inputs) {
  return read_documents(inputs, {"reports"});
}

std::string named_treaty(const std::vector<io::Document> &documents) {
  std::string named;
  for (const auto &document : documents) {
    if (const io::Node *id = document.root.find("treaty")) {
      if (!named.empty() && treaty_id(*id) != named) {
        id->fail(fmt::format("these are reports under '{}', but other inputs are under '{}'",
                             treaty_id(*id), named));
      }
      named = treaty_id(*id);
    }
  }
  return named;
}

namespace {

/// A report's `period`: the calendar year it covers, or `initial`.
int read_period(const io::Node &period) {
  if (period.is_scalar() && period.text() == "initial") {
    return initial_period;
  }
  try {
    return period.as_int();
  } catch (const util::Error &) {
    period.fail(fmt::format("expected a year or 'initial', got '{}'",
                            period.is_scalar() ? period.text() : std::string("a list or mapping")));
  }
}

/// One record of a `reports` document: a report a State submitted under an obligation the
/// treaty has.
ReportReceived read_report(const io::Node &record, const Treaty &treaty, const StateTable &states) {
  ReportReceived report;
  report.mark = record.mark();
  report.state = states.require(record.at("state"));
  const io::Node &obligation = record.at("obligation");
  report.obligation = obligation.as_text();
  std::vector<std::string> known;
  for (const auto &r : treaty.reporting()) {
    known.push_back(r.id);
  }
  io::require_one_of(obligation, "reporting obligation", known);
  report.period = read_period(record.at("period"));
  report.received = record.at("received").as_date();
  report.symbol = record.text_or("symbol");
  return report;
}

/// A second record of the same State, obligation and period is an error at the record, naming
/// the first: a revised report replaces the first record, it is not added beside it.
void require_first_record(const ReportReceived &report, const io::Node &record,
                          const StateTable &states,
                          std::unordered_map<std::string, io::Mark> &first_at) {
  const std::string key = fmt::format("{}|{}|{}", report.state, report.obligation, report.period);
  if (const auto [seen, inserted] = first_at.emplace(key, report.mark); !inserted) {
    record.fail(fmt::format(
        "a report of {} on {} for {} is recorded already, at {} (record a revised "
        "report by changing the first record)",
        states[report.state].code, report.obligation,
        report.period == initial_period ? "the initial period" : std::to_string(report.period),
        seen->second.located()));
  }
}

} // namespace

std::vector<ReportReceived> parse_reports(const std::vector<io::Document> &documents,
                                          const Treaty &treaty, const StateTable &states) {
  std::vector<ReportReceived> reports;
  std::unordered_map<std::string, io::Mark> first_at; // state|obligation|period: one record each
  for (const auto &document : documents) {
    const io::Node &root = document.root;
    if (const io::Node *id = root.find("treaty"); id && treaty_id(*id) != treaty.id()) {
      id->fail(fmt::format("these are reports under '{}', not '{}'", treaty_id(*id), treaty.id()));
    }
    for (const auto &record : root.at("reports").as_sequence()) {
      ReportReceived report = read_report(record, treaty, states);
      require_first_record(report, record, states, first_at);
      reports.push_back(std::move(report));
    }
  }
  return reports;
}

} // namespace isukit::model
