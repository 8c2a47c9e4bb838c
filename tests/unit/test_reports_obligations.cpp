#include <isukit/reports/status.hpp>

#include <doctest/doctest.h>

#include <algorithm>

#include "fixtures.hpp"

using namespace isukit;
using model::EntryIntoForceRule;
using util::Date;

namespace {

using fixtures::reference;
const model::Treaty &ccm() {
  return fixtures::treaty("ccm");
}

std::string initial_due(const char *code) {
  const auto id = *reference().states.find(code);
  for (const auto &o :
       reports::compute_obligations(ccm(), reference().states, Date(2025, 8, 31), 1)) {
    if (o.state == id && o.period == model::initial_period) {
      return o.due.iso();
    }
  }
  return "none";
}

} // namespace

TEST_SUITE("reports::obligations") {
  TEST_CASE("model::EntryIntoForceRule CCM Article 17: first day of the sixth month") {
    EntryIntoForceRule ccm_rule{EntryIntoForceRule::Kind::first_of_month_after_deposit, 6};
    CHECK(ccm_rule.apply(Date(2012, 7, 17)).iso() == "2013-01-01");
    CHECK(ccm_rule.apply(Date(2015, 10, 1)).iso() ==
          "2016-04-01"); // deposit on a month's first day
    CHECK(ccm_rule.apply(Date(2015, 10, 31)).iso() == "2016-04-01"); // and on its last
    CHECK(ccm_rule.apply(Date(2023, 8, 31)).iso() == "2024-02-01");
    CHECK(ccm_rule.apply(Date(2010, 2, 16)).iso() == "2010-08-01"); // the 30th instrument
  }

  TEST_CASE("model::Treaty::entry_into_force never before the instrument's own") {
    // CCM Art. 17(1): early depositors are bound from 2010-08-01, not six months after deposit.
    CHECK(*ccm().deposit(fixtures::state("IRL"), "convention") < Date(2010, 2, 1));
    CHECK(ccm().entry_into_force(fixtures::state("IRL"), "convention")->iso() == "2010-08-01");
    // CCW Protocol V entered into force on 2006-11-12; Sweden deposited before 2006-05-12.
    const auto &ccw = fixtures::treaty("ccw");
    const auto swe = fixtures::state("SWE");
    CHECK(*ccw.deposit(swe, "protocol_V") < Date(2006, 5, 12));
    CHECK(ccw.entry_into_force(swe, "protocol_V")->iso() == "2006-11-12");
    CHECK(ccw.entry_into_force(swe, "convention")->iso() == "1983-12-02"); // deposited 1982-07-07
    CHECK_FALSE(
        ccw.is_party(swe, "protocol_V", Date(2006, 11, 11), model::Treaty::Basis::in_force));
    CHECK(ccw.is_party(swe, "protocol_V", Date(2006, 11, 12), model::Treaty::Basis::in_force));
  }

  TEST_CASE("model::Treaty::deposited_by keeps a withdrawn state, parties_on does not") {
    // LTU's withdrawal from the CCM took effect on 2025-03-06; VUT deposited on 2025-09-05.
    const auto has = [](const std::vector<model::StateId> &states, const char *code) {
      return std::find(states.begin(), states.end(), fixtures::state(code)) != states.end();
    };
    const auto deposited = ccm().deposited_by("convention", Date(2025, 8, 31));
    CHECK(has(deposited, "LTU"));
    CHECK_FALSE(has(deposited, "VUT"));
    CHECK(has(ccm().deposited_by("convention", Date(2025, 9, 5)), "VUT"));
    const auto parties =
        ccm().parties_on("convention", Date(2025, 8, 31), model::Treaty::Basis::deposit);
    CHECK_FALSE(has(parties, "LTU"));
    CHECK(parties.size() + 1 == deposited.size());
  }

  TEST_CASE("model::EntryIntoForceRule CCW Article 5: six months after deposit") {
    EntryIntoForceRule ccw_rule{EntryIntoForceRule::Kind::months_after_deposit, 6};
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

  TEST_CASE("reports::compute_obligations keeps a withdrawn party's reports due before it left") {
    // LTU's withdrawal from the CCM took effect on 2025-03-06 (UNTC XXVI-6 note 3).
    const auto ltu = fixtures::state("LTU");
    std::vector<std::string> periods;
    for (const auto &o :
         reports::compute_obligations(ccm(), reference().states, Date(2025, 8, 31), std::nullopt)) {
      if (o.state == ltu) {
        periods.push_back(reports::period_text(o.period));
      }
    }
    REQUIRE(periods.size() >= 3);
    CHECK(periods.front() == "initial");
    CHECK(std::find(periods.begin(), periods.end(), "2022") != periods.end());
    CHECK(periods.back() == "2023"); // the 2024 report fell due on 2025-04-30, after it left
  }

  TEST_CASE("reports::compute_obligations annual reports: 30 April, the previous calendar year") {
    const auto obligations =
        reports::compute_obligations(ccm(), reference().states, Date(2025, 8, 31), 2);
    int annual_2024 = 0;
    int annual_2023 = 0;
    for (const auto &o : obligations) {
      if (o.period == 2024) {
        ++annual_2024;
        CHECK(o.due.iso() == "2025-04-30");
      }
      annual_2023 += o.period == 2023;
    }
    CHECK(annual_2024 == 111);
    // South Sudan (in force 2024-02-01) and Nigeria (2023-08-01): their initial reports fell due
    // in 2024, so their first annual report covers 2024. Lithuania (withdrawn 2025-03-06) owed
    // its 2023 report, due 2024-04-30, while a party: 111 - 2 + 1.
    CHECK(annual_2023 == 110);
  }

  TEST_CASE("reports::track on time, late, overdue") {
    const auto obligations =
        reports::compute_obligations(ccm(), reference().states, Date(2025, 8, 31), 1);
    const auto fra = *reference().states.find("FRA");
    std::vector<model::ReportReceived> received = {
        {fra, "article_7", 2024, Date(2025, 5, 2), "", {}},
        {fra, "article_7", model::initial_period, Date(2011, 1, 20), "", {}},
    };
    const auto tracked = reports::track(obligations, received, Date(2025, 8, 31));
    int overdue = 0;
    int france = 0;
    for (const auto &t : tracked) {
      if (t.obligation.state == fra && t.obligation.due <= Date(2025, 8, 31)) {
        ++france;
        CHECK(t.standing ==
              (t.obligation.period == 2024 ? reports::Standing::late : reports::Standing::on_time));
      }
      overdue += t.standing == reports::Standing::overdue;
    }
    CHECK(france == 2);
    CHECK(overdue == 2 * 111 - 2 + 1); // and Lithuania's initial report, due while a party
  }

  TEST_CASE("reports deadlines and extensions") {
    const auto &deadlines = ccm().deadlines();
    const auto lbn = fixtures::state("LBN");
    const auto lebanon = std::find_if(deadlines.begin(), deadlines.end(), [&](const auto &d) {
      return d.state == lbn && d.article == 4;
    });
    REQUIRE(lebanon != deadlines.end());
    CHECK(lebanon->deadline.iso() == "2021-05-01");
    CHECK(lebanon->current().iso() == "2026-05-01"); // the five-year extension granted
    // The original deadline is entry into force plus 10 years (Art. 4(1)(a)).
    CHECK(ccm().entry_into_force(lbn, "convention")->add_years(10) == lebanon->deadline);
    using Unit = reports::Window::Unit;
    CHECK(reports::window_end(Date(2025, 8, 31), {12, Unit::months})->iso() == "2026-08-31");
    CHECK(reports::window_end(Date(2025, 8, 31), {90, Unit::days})->iso() == "2025-11-29");
    CHECK_FALSE(reports::window_end(Date(2025, 8, 31), {9999, Unit::years}));
  }

  TEST_CASE(
      "reports::compute_obligations every report due back to the first owed, and the next one") {
    const auto lka = fixtures::state("LKA");
    std::vector<std::string> periods;
    for (const auto &o :
         reports::compute_obligations(ccm(), reference().states, Date(2025, 1, 1), std::nullopt)) {
      if (o.state == lka) {
        periods.push_back(reports::period_text(o.period) + " " + o.due.iso());
      }
    }
    // Sri Lanka: in force 2018-09-01, initial report due 2019-02-28, so its first annual report
    // covers 2019 (not 2018, two months after the initial one). On 1 January 2025 the report for
    // 2023 (due 2024-04-30) is owed and the one for 2024 is the next.
    CHECK(periods == std::vector<std::string>{"initial 2019-02-28", "2019 2020-04-30",
                                              "2020 2021-04-30", "2021 2022-04-30",
                                              "2022 2023-04-30", "2023 2024-04-30",
                                              "2024 2025-04-30"});
  }

  TEST_CASE("reports::compute_obligations --cycles: the N latest due dates on or before as-of") {
    const auto periods_on = [](Date as_of, int cycles) {
      std::vector<int> periods;
      for (const auto &o : reports::compute_obligations(ccm(), reference().states, as_of, cycles)) {
        if (o.state == fixtures::state("FRA") && o.period != model::initial_period) {
          periods.push_back(o.period);
        }
      }
      return periods;
    };
    CHECK(periods_on(Date(2024, 12, 31), 1) == std::vector<int>{2023, 2024});
    CHECK(periods_on(Date(2025, 1, 1), 1) == std::vector<int>{2023, 2024});
    CHECK(periods_on(Date(2025, 4, 29), 2) == std::vector<int>{2022, 2023, 2024});
    CHECK(periods_on(Date(2025, 4, 30), 1) ==
          std::vector<int>{2024, 2025}); // due today: the latest
  }

  TEST_CASE("reports::check_owed refuses a report the state does not owe") {
    const auto report = [](const char *code, const char *obligation, int period, Date received) {
      return model::ReportReceived{fixtures::state(code), obligation, period, received, "", {}};
    };
    const auto owed = [&](model::ReportReceived r, const model::Treaty &treaty) {
      try {
        reports::check_owed({r}, treaty, reference().states);
        return std::string("owed");
      } catch (const util::Error &e) {
        CHECK(e.code() == util::ExitCode::data);
        return e.message();
      }
    };
    const auto &ccw = fixtures::treaty("ccw");
    CHECK(owed(report("LKA", "article_7", 2019, Date(2020, 4, 1)), ccm()) == "owed");
    CHECK(owed(report("LKA", "article_7", 2018, Date(2019, 4, 1)), ccm())
              .find("first annual article_7 report covers 2019") != std::string::npos);
    CHECK(owed(report("USA", "article_7", model::initial_period, Date(2020, 4, 1)), ccm())
              .find("never became party") != std::string::npos);
    CHECK(owed(report("FRA", "article_7", 2026, Date(2025, 12, 1)), ccm()).find("not yet begun") !=
          std::string::npos);
    // The calendar year a report covers must be over (CCM Art. 7(2): "the previous calendar year").
    CHECK(owed(report("FRA", "article_7", 2025, Date(2025, 12, 31)), ccm()).find("not yet ended") !=
          std::string::npos);
    CHECK(owed(report("FRA", "article_7", 2025, Date(2026, 1, 1)), ccm()) == "owed");
    CHECK(owed(report("FRA", "compliance", model::initial_period, Date(2010, 1, 1)), ccw)
              .find("no initial report") != std::string::npos);
    CHECK(owed(report("FRA", "compliance", 2006, Date(2007, 3, 1)), ccw).find("covers 2007") !=
          std::string::npos);
    // Lithuania's withdrawal took effect on 2025-03-06: its 2023 report fell due while it was a
    // party, its 2024 report (due 2025-04-30) never did. One it sent while still a party is
    // accepted (recorded, not owed: compute_obligations); one sent from the day it left is not.
    CHECK(owed(report("LTU", "article_7", 2023, Date(2024, 4, 1)), ccm()) == "owed");
    CHECK(owed(report("LTU", "article_7", 2024, Date(2025, 3, 5)), ccm()) == "owed");
    CHECK(owed(report("LTU", "article_7", 2024, Date(2025, 3, 6)), ccm())
              .find("before its report for 2024 fell due on 2025-04-30: it owes none, and this "
                    "one was received on 2025-03-06") != std::string::npos);
    CHECK(owed(report("LTU", "article_7", 2026, Date(2027, 1, 15)), ccm()).find("withdrawal") !=
          std::string::npos);
  }

  TEST_CASE("reports: an initial report due after the withdrawal took effect is neither listed "
            "nor owed") {
    // DEU deposited on 2019-12-15: in force from 2020-06-01, its initial report due 180 days
    // later, on 2020-11-28; its withdrawal took effect on 2020-09-01, before. FRA stays.
    const std::string head =
        "entry_into_force: {rule: first_of_month_after_deposit, months: 6}\n"
        "instruments:\n- {id: convention, name_en: C, name_fr: C, entry_into_force: 2010-08-01}\n"
        "reporting:\n- {id: article_7, instrument: convention, name_en: R, basis: Art. 7,"
        " initial_due_days: 180,"
        " annual_due: 04-30}\n"
        "withdrawals:\n- {state: DEU, instrument: convention, notified: 2020-03-01, effective: "
        "2020-09-01}\n";
    const auto treaty = fixtures::treaty_from_text(
        fixtures::fund_yaml("  instrument: convention\n",
                            "- {state: FRA, deposits: {convention: 2019-01-15}}\n"
                            "- {state: DEU, deposits: {convention: 2019-12-15}}\n",
                            head),
        "withdrawn.yaml");
    const auto deu = fixtures::state("DEU");
    int listed = 0;
    for (const auto &o : reports::compute_obligations(treaty, reference().states, Date(2021, 6, 30),
                                                      std::nullopt)) {
      listed += o.state == deu;
    }
    CHECK(listed == 0);
    // Sent after the withdrawal took effect: refused.
    const model::ReportReceived initial{deu, "article_7", model::initial_period, Date(2020, 9, 1),
                                        "",  {}};
    std::string refused;
    try {
      reports::check_owed({initial}, treaty, reference().states);
    } catch (const util::Error &e) {
      refused = e.message();
    }
    CHECK(refused.find("DEU's withdrawal from convention took effect on 2020-09-01, before its "
                       "initial report fell due on 2020-11-28") != std::string::npos);
    // Sent while still a party: accepted, and listed not owed (once, though received twice).
    const model::ReportReceived sent{deu, "article_7", model::initial_period, Date(2020, 8, 1),
                                     "",  {}};
    reports::check_owed({sent, sent}, treaty, reference().states);
    std::vector<reports::Obligation> recorded;
    for (const auto &o : reports::compute_obligations(treaty, reference().states, Date(2021, 6, 30),
                                                      std::nullopt, {sent, sent})) {
      if (o.state == deu) {
        recorded.push_back(o);
      }
    }
    REQUIRE(recorded.size() == 1);
    CHECK_FALSE(recorded[0].owed);
    CHECK(recorded[0].period == model::initial_period);
    // Not yet received on the as-of date: not listed.
    const auto before = reports::compute_obligations(treaty, reference().states, Date(2020, 7, 31),
                                                     std::nullopt, {sent});
    CHECK(std::none_of(before.begin(), before.end(),
                       [&](const reports::Obligation &o) { return o.state == deu; }));
  }

  TEST_CASE("model::Deadline::known_on ignores what was recorded after the date") {
    model::Deadline d{0,
                      4,
                      Date(2023, 9, 1),
                      Date(2026, 10, 1),
                      util::PartialDate::parse("2024-09"),
                      util::PartialDate::parse("2026-03-15"),
                      ""};
    CHECK(d.known_on(Date(2024, 9, 29)).current.iso() ==
          "2023-09-01"); // granted in September: known from its end
    CHECK(d.known_on(Date(2024, 9, 30)).current.iso() == "2026-10-01");
    CHECK_FALSE(d.known_on(Date(2026, 3, 14)).completed);
    CHECK(d.known_on(Date(2026, 3, 15)).completed);
    model::Deadline undated{0, 4, Date(2021, 5, 1), Date(2026, 5, 1), std::nullopt, std::nullopt,
                            ""};
    CHECK(undated.known_on(Date(2021, 4, 30)).current.iso() == "2021-05-01");
    CHECK(undated.known_on(Date(2021, 5, 1)).current.iso() ==
          "2026-05-01"); // by the original deadline
  }
}
