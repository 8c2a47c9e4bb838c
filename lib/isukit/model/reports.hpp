// National reports received: who submitted which report, for which period, when.
#pragma once

#include <isukit/io/yaml_reader.hpp>
#include <isukit/model/treaty.hpp>

#include <string>
#include <vector>

namespace isukit::model {

/// The period a report covers: a calendar year, or 0 for the initial report.
constexpr int initial_period = 0;

struct ReportReceived {
  StateId state = 0;
  std::string obligation; // a reporting obligation id of the treaty (article_7, protocol_V, ...)
  int period = initial_period;
  util::Date received;
  std::string symbol; // document symbol or link, optional
  io::Mark mark;
};

/// The `reports` documents of the inputs, in input order; at least one (model::require_kinds:
/// "none received" is an empty `reports` document, never missing or empty input).
std::vector<io::Document> read_reports_documents(const std::vector<std::string> &inputs);

/// The treaty id the documents name in their `treaty` field; empty when none names one. Fails
/// at the second document's field when two name different treaties.
std::string named_treaty(const std::vector<io::Document> &documents);

/// The reports of the documents, each checked against the treaty: the document's treaty,
/// known state, known obligation, a period that is `initial` or a year. A second record of the
/// same state, obligation and period is an error naming both (exit 65).
std::vector<ReportReceived> parse_reports(const std::vector<io::Document> &documents,
                                          const Treaty &treaty, const StateTable &states);

} // namespace isukit::model
