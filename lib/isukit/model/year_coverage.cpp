#include <isukit/model/year_coverage.hpp>

#include <fmt/format.h>

namespace isukit::model {

namespace {

/// "2024", or "2022 to 2024" for a run of years.
std::string years_text(int first, int last) {
  return first == last ? fmt::format("{}", first) : fmt::format("{} to {}", first, last);
}

} // namespace

void YearCoverage::assessed(int year, const io::Mark &document) {
  io::Mark &first = m_assessed[index(year)];
  if (!first.line) {
    first = document;
  }
}

void YearCoverage::check(int as_of_year, util::Diagnostics &diagnostics) const {
  check_gaps(diagnostics);
  check_named(as_of_year, diagnostics);
}

void YearCoverage::check_gaps(util::Diagnostics &diagnostics) const {
  int before = 0; // the last year assessed so far
  for (int year = util::first_year; year <= util::last_year; ++year) {
    const io::Mark &document = m_assessed[index(year)];
    if (!document.line) {
      continue;
    }
    if (before && year > before + 1) {
      diagnostics.add(util::Error(
          util::ExitCode::data, document.position(),
          fmt::format("assessments for {} and {} were given, but none for {}: give each year's "
                      "assessments from the first to the last (a year nothing was assessed is "
                      "an assessments document of 'assessments: []')",
                      before, year, years_text(before + 1, year - 1))));
    }
    before = year;
  }
}

int YearCoverage::last_assessed() const {
  int last = 0;
  for (int year = util::first_year; year <= util::last_year; ++year) {
    last = m_assessed[index(year)].line ? year : last;
  }
  return last;
}

bool YearCoverage::uncovered(int year, int last, int as_of_year) const {
  const bool advance = year > last && year >= as_of_year;
  return last && m_named[index(year)].named && !m_assessed[index(year)].line && !advance;
}

bool YearCoverage::needs_positions(int as_of_year) const {
  const int last = last_assessed();
  for (int year = util::first_year; year <= util::last_year; ++year) {
    if (uncovered(year, last, as_of_year) && !m_named[index(year)].at.line) {
      return true;
    }
  }
  return false;
}

void YearCoverage::check_named(int as_of_year, util::Diagnostics &diagnostics) const {
  const int last = last_assessed();
  for (int year = util::first_year; year <= util::last_year; ++year) {
    if (!uncovered(year, last, as_of_year)) {
      continue;
    }
    const Named &named = m_named[index(year)];
    diagnostics.add(util::Error(
        util::ExitCode::data, named.at.position(),
        fmt::format("this {} names {}, but no assessments for {} were given: give that year's "
                    "assessments with the others, or correct the year",
                    named.refund ? "refund" : "payment", year, year)));
  }
}

} // namespace isukit::model
