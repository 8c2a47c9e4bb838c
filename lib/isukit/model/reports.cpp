#include <isukit/model/documents.hpp>
#include <isukit/model/reports.hpp>

#include <fmt/format.h>

namespace isukit::model {

std::vector<io::Document> read_reports_documents(const std::vector<std::string>& inputs) {
  return read_documents(inputs, {"reports"});
}

std::string named_treaty(const std::vector<io::Document>& documents) {
  std::string named;
  for (const auto& document : documents) {
    if (const io::Node* id = document.root.find("treaty")) {
      if (!named.empty() && id->as_text() != named) {
        id->fail(fmt::format("these are reports under '{}', but other inputs are under '{}'", id->text(), named));
      }
      named = id->as_text();
    }
  }
  return named;
}

std::vector<ReportReceived> parse_reports(const std::vector<io::Document>& documents, const Treaty& treaty,
                                          const StateTable& states) {
  std::vector<ReportReceived> reports;
  for (const auto& document : documents) {
    const io::Node& root = document.root;
    if (const io::Node* id = root.find("treaty"); id && id->as_text() != treaty.id()) {
      id->fail(fmt::format("these are reports under '{}', not '{}'", id->text(), treaty.id()));
    }
    for (const auto& record : root.at("reports").as_sequence()) {
      record.check_keys({"state", "obligation", "period", "received", "symbol", "note"});
      ReportReceived report;
      report.mark = record.mark();
      report.state = states.require(record.at("state"));
      const io::Node& obligation = record.at("obligation");
      report.obligation = obligation.as_text();
      bool known = false;
      for (const auto& r : treaty.reporting()) {
        known = known || r.id == report.obligation;
      }
      if (!known) {
        obligation.fail(fmt::format("unknown reporting obligation '{}' of {}", report.obligation, treaty.id()));
      }
      const io::Node& period = record.at("period");
      report.period = period.is_scalar() && period.text() == "initial" ? initial_period : period.as_int();
      report.received = record.at("received").as_date();
      report.symbol = record.text_or("symbol");
      reports.push_back(std::move(report));
    }
  }
  return reports;
}

} // namespace isukit::model
