#include "fixtures.hpp"

#include <isukit/reports/status.hpp>

#include <doctest/doctest.h>

#include <algorithm>

using namespace isukit;
using model::EntryIntoForceRule;
using util::Date;

namespace {

using fixtures::reference;
const model::Treaty& ccm() { return fixtures::treaty("ccm"); }

std::string initial_due(const char* code) {
  const auto id = *reference().states.find(code);
  for (const auto& o : reports::compute_obligations(ccm(), reference().states, Date(2025, 8, 31), 1)) {
    if (o.state == id && o.period == model::initial_period) {
      return o.due.iso();
    }
  }
  return "none";
}

} // namespace

TEST_SUITE("reports::obligations") {
  TEST_CASE("model::EntryIntoForceRule CCM Article 17: first day of the sixth month") {
    EntryIntoForceRule ccm_rule{EntryIntoForceRule::Kind::first_of_month_after_deposit, 6, Date(2010, 8, 1)};
    CHECK(ccm_rule.apply(Date(2012, 7, 17)).iso() == "2013-01-01");
    CHECK(ccm_rule.apply(Date(2015, 10, 1)).iso() == "2016-04-01");  // deposit on a month's first day
    CHECK(ccm_rule.apply(Date(2015, 10, 31)).iso() == "2016-04-01"); // and on its last
    CHECK(ccm_rule.apply(Date(2023, 8, 31)).iso() == "2024-02-01");
    CHECK(ccm_rule.apply(Date(2010, 2, 16)).iso() == "2010-08-01");  // the 30th instrument
    CHECK(ccm_rule.apply(Date(2009, 6, 16)).iso() == "2010-08-01");  // earlier: the treaty's date
  }

  TEST_CASE("model::EntryIntoForceRule CCW Article 5: six months after deposit") {
    EntryIntoForceRule ccw_rule{EntryIntoForceRule::Kind::months_after_deposit, 6, std::nullopt};
    CHECK(ccw_rule.apply(Date(2024, 7, 29)).iso() == "2025-01-29");
    CHECK(ccw_rule.apply(Date(2023, 8, 31)).iso() == "2024-02-29"); // to a leap February's end
    CHECK(ccw_rule.apply(Date(2022, 8, 31)).iso() == "2023-02-28");
    CHECK(ccw_rule.apply(Date(2024, 2, 29)).iso() == "2024-08-29");
    CHECK(ccw_rule.apply(Date(2020, 12, 1)).iso() == "2021-06-01");
  }

  TEST_CASE("reports::compute_obligations initial reports: 180 days after entry into force") {
    // Due dates the CMC published, computed from UNTC deposits (treaty-rules.md).
    CHECK(initial_due("COM") == "2011-06-30");
    CHECK(initial_due("TCD") == "2014-02-28");
    CHECK(initial_due("COK") == "2012-07-30");
    CHECK(initial_due("VUT") == "none"); // not yet in force on 2025-08-31
  }

  TEST_CASE("reports::compute_obligations annual reports: 30 April, the previous calendar year") {
    const auto obligations = reports::compute_obligations(ccm(), reference().states, Date(2025, 8, 31), 2);
    int annual_2024 = 0;
    int annual_2023 = 0;
    for (const auto& o : obligations) {
      if (o.period == 2024) {
        ++annual_2024;
        CHECK(o.due.iso() == "2025-04-30");
      }
      annual_2023 += o.period == 2023;
    }
    CHECK(annual_2024 == 111);
    CHECK(annual_2023 == 110); // South Sudan, in force 2024-02-01, first reports on 2024
  }

  TEST_CASE("reports::track on time, late, overdue") {
    const auto obligations = reports::compute_obligations(ccm(), reference().states, Date(2025, 8, 31), 1);
    const auto fra = *reference().states.find("FRA");
    std::vector<model::ReportReceived> received = {
        {fra, "article_7", 2024, Date(2025, 5, 2), "", {}},
        {fra, "article_7", model::initial_period, Date(2011, 1, 20), "", {}},
    };
    const auto tracked = reports::track(obligations, received, Date(2025, 8, 31));
    int overdue = 0;
    int france = 0;
    for (const auto& t : tracked) {
      if (t.obligation.state == fra) {
        ++france;
        CHECK(t.standing == (t.obligation.period == 2024 ? reports::Standing::late : reports::Standing::on_time));
      }
      overdue += t.standing == reports::Standing::overdue;
    }
    CHECK(france == 2);
    CHECK(overdue == 2 * 111 - 2);
  }

  TEST_CASE("reports deadlines and extensions") {
    const auto& deadlines = ccm().deadlines();
    const auto lbn = fixtures::state("LBN");
    const auto lebanon = std::find_if(deadlines.begin(), deadlines.end(),
                                      [&](const auto& d) { return d.state == lbn && d.article == 4; });
    REQUIRE(lebanon != deadlines.end());
    CHECK(lebanon->deadline.iso() == "2021-05-01");
    CHECK(lebanon->current().iso() == "2026-05-01"); // the five-year extension granted
    // The original deadline is entry into force plus 10 years (Art. 4(1)(a)).
    CHECK(ccm().entry_into_force(lbn, "convention")->add_years(10) == lebanon->deadline);
    CHECK(reports::window_end(Date(2025, 8, 31), "12m")->iso() == "2026-08-31");
    CHECK(reports::window_end(Date(2025, 8, 31), "90d")->iso() == "2025-11-29");
    CHECK_FALSE(reports::window_end(Date(2025, 8, 31), "12 months"));
  }
}
