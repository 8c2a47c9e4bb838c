// National reports received: who submitted which report, for which period, when.
#pragma once

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

/// Reads the `reports` documents of the inputs, checking each against the treaty: known state,
/// known obligation, a period that is `initial` or a year.
std::vector<ReportReceived> read_reports(const std::vector<std::string>& inputs, const Treaty& treaty,
                                         const StateTable& states);

} // namespace isukit::model
