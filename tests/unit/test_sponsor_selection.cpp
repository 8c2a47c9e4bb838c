#include <isukit/io/yaml_reader.hpp>
#include <isukit/sponsor/selection.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <map>

#include "fixtures.hpp"

using namespace isukit;

namespace {

struct Collect : io::DocumentConsumer {
  std::vector<io::Node> roots;
  std::string_view streamed_list(const std::string &, const io::Node &) override { return {}; }
  void on_record(const std::string &, const io::Node &, const io::Node &) override {}
  void on_document(io::Document document) override { roots.push_back(std::move(document.root)); }
};

using fixtures::reference;
const model::Treaty &ccm() {
  return fixtures::treaty("ccm");
}

/// A programme with the given fund and targets, and applications in a compact form.
struct Case {
  model::Programme programme;
  std::vector<model::Application> applications;
};

Case make(const std::string &fund, const std::string &targets, const std::string &applications) {
  const std::string text =
      "kind: programme\nid: p\nname_en: P\ntreaty: ccm\ncurrency: CHF\nfund: " + fund +
      "\nmeetings:\n  - {id: m, name_en: M, city: Geneva, start: 2025-09-15, end: 2025-09-18, dsa: "
      "100.00}\n"
      "eligibility: {regional_groups: [AFRICAN, ASIA_PACIFIC, LATIN_AMERICAN_CARIBBEAN], "
      "party_status: [party, signatory, non_party]}\n"
      "priorities: [party_status, ldc, first_time]\ntargets: " +
      targets + "\nwaiting_list: 2\n---\nkind: applications\nprogramme: p\napplications:\n" +
      applications;
  Collect collect;
  io::read_yaml(text, "case.yaml", collect);
  Case c{model::Programme::from_document(collect.roots[0], reference().states), {}};
  c.applications = model::read_applications({collect.roots[1]}, c.programme, reference().states);
  return c;
}

std::string app(const char *id, const char *state, const char *gender, const char *ticket,
                const char *received) {
  return fmt::format("  - {{id: {}, name: {}, state: {}, gender: {}, meeting: m, days: 4, ticket: "
                     "{}, received: {}}}\n",
                     id, id, state, gender, ticket, received);
}

std::map<std::string, sponsor::Decision> decisions(const sponsor::Selection &s) {
  std::map<std::string, sponsor::Decision> result;
  for (const auto &c : s.candidates) {
    result[c.application->id] = c.decision;
  }
  return result;
}

} // namespace

TEST_SUITE("sponsor::selection") {
  TEST_CASE("sponsor::select never exceeds the fund, follows the priorities, waits and regrets") {
    // Costs are ticket + 4 x 100.00. Fund 3,000.00 covers two of these.
    auto c = make("3000.00", "{women_share: 0, min_per_group: 0}",
                  app("A", "FRA", "male", "100.00", "2025-05-01") +      // not an eligible group
                      app("B", "KEN", "male", "1000.00", "2025-05-01") + // signatory
                      app("C", "MOZ", "male", "1000.00", "2025-05-02") + // party, LDC
                      app("D", "COL", "male", "1000.00", "2025-05-01") + // party
                      app("E", "VNM", "male", "1000.00", "2025-05-01") + // not party
                      app("F", "PER", "male", "1000.00", "2025-05-03")); // party, after D
    const auto s = sponsor::select(c.programme, c.applications, ccm(), reference().states);
    auto d = decisions(s);
    CHECK(d["A"] == sponsor::Decision::not_eligible);
    CHECK(d["C"] == sponsor::Decision::selected); // party + LDC ranks first
    CHECK(d["D"] == sponsor::Decision::selected); // then party, earliest received
    CHECK(d["F"] == sponsor::Decision::waiting_list);
    CHECK(d["B"] == sponsor::Decision::waiting_list);
    CHECK(d["E"] == sponsor::Decision::not_selected);
    CHECK(s.spent.plain() == "2800.00");
    CHECK(s.spent <= c.programme.fund);
  }

  TEST_CASE("sponsor::select gender target and regional minimum") {
    auto c = make("4500.00", "{women_share: 50, min_per_group: 1}",
                  app("M1", "MOZ", "male", "1000.00", "2025-05-01") +
                      app("M2", "BFA", "male", "1000.00", "2025-05-02") +
                      app("M3", "TCD", "male", "1000.00", "2025-05-03") +
                      app("W1", "COL", "female", "1000.00", "2025-05-09") +
                      app("W2", "PER", "female", "1000.00", "2025-05-09"));
    const auto s = sponsor::select(c.programme, c.applications, ccm(), reference().states);
    auto d = decisions(s);
    // Three fit. Latin America's minimum takes W1; balance then takes W2 before the third LDC.
    CHECK(d["M1"] == sponsor::Decision::selected);
    CHECK(d["W1"] == sponsor::Decision::selected);
    CHECK(d["W2"] == sponsor::Decision::selected);
    CHECK(d["M2"] == sponsor::Decision::waiting_list);
    CHECK(sponsor::render_reason("target", s.target_notes[0], fixtures::lang("en"),
                                 reference().states,
                                 "CHF") == "Women: 2 of 3 (66.7%), target 50.0%: met");
    // Asia-Pacific had no applicant: reported, not hidden.
    CHECK(sponsor::render_reason("target", s.target_notes[2], fixtures::lang("en"),
                                 reference().states, "CHF") ==
          "Asia-Pacific States: 0 sponsored (minimum 1): not met (0 eligible applications)");
  }

  TEST_CASE("sponsor::select is deterministic and breaks ties by date, then id") {
    const std::string apps = app("Z", "MOZ", "male", "1000.00", "2025-05-01") +
                             app("Y", "BFA", "male", "1000.00", "2025-05-01");
    auto c = make("1400.00", "{women_share: 0, min_per_group: 0}", apps);
    const auto first = sponsor::select(c.programme, c.applications, ccm(), reference().states);
    const auto again = sponsor::select(c.programme, c.applications, ccm(), reference().states);
    CHECK(decisions(first) == decisions(again));
    CHECK(decisions(first)["Y"] == sponsor::Decision::selected); // same date: Y before Z
    CHECK(decisions(first)["Z"] == sponsor::Decision::waiting_list);
  }

  TEST_CASE("sponsor::check duplicates and incomplete applications") {
    auto c = make("1000.00", "{women_share: 0, min_per_group: 0}",
                  app("A", "MOZ", "male", "100.00", "2025-05-01") +
                      "  - {id: B, name: A, state: MOZ, gender: male, meeting: m, days: 4, ticket: "
                      "90.00, received: 2025-05-02}\n"
                      "  - {id: C, name: C, state: MOZ, gender: male, meeting: m, days: 4}\n");
    const auto s =
        sponsor::check_applications(c.programme, c.applications, ccm(), reference().states);
    CHECK(s.candidates[0].eligible);
    CHECK_FALSE(s.candidates[1].eligible);
    CHECK(sponsor::render_reason("reason", s.candidates[1].reason, fixtures::lang("en"),
                                 reference().states, "CHF") == "duplicate of application A");
    CHECK(sponsor::render_reason("reason", s.candidates[2].reason, fixtures::lang("en"),
                                 reference().states,
                                 "CHF") == "incomplete: no ticket, no received");
  }

  TEST_CASE("sponsor::selection_output: an incomplete application has no standing worked out") {
    auto c = make("1000.00", "{women_share: 0, min_per_group: 0}",
                  app("A", "MOZ", "male", "100.00", "2025-05-01") +
                      "  - {id: C, name: C, state: MOZ, gender: male, meeting: m, days: 4}\n");
    const auto s = sponsor::select(c.programme, c.applications, ccm(), reference().states);
    const auto out = sponsor::selection_output(s, reference().states, fixtures::lang("en"), false);
    const auto &records = out.documents.at(0).at("applications").as_sequence();
    REQUIRE(records.size() == 2);
    CHECK(records[0].at("regional_group").text() == "AFRICAN"); // worked out: complete
    CHECK(records[0].at("ldc").text() == "true");
    CHECK(records[1].at("state_name_en").text() == "Mozambique"); // what the data shows
    for (const char *key : {"regional_group", "party_status", "ldc", "cost"}) {
      CAPTURE(key);
      CHECK_FALSE(records[1].find(key)); // not NONE, non_party, false as if worked out
    }
  }

  TEST_CASE("sponsor::for_applicant: left out while a delegate of the State is sponsored, the "
            "letter says so") {
    using sponsor::Reason;
    const Reason same_state{
        "fund_exhausted", {{"remaining", "30.00"}, {"state_sponsored", "true"}, {"state", "AFG"}}};
    CHECK(sponsor::for_applicant(same_state).code == "state_sponsored");
    CHECK(sponsor::for_applicant(same_state).params == same_state.params);
    const Reason funds{"fund_exhausted",
                       {{"remaining", "30.00"}, {"state_sponsored", "false"}, {"state", "MOZ"}}};
    CHECK(sponsor::for_applicant(funds).code == "fund_exhausted");
    const Reason waiting{"waiting_list", {{"state_sponsored", "true"}, {"position", "1"}}};
    CHECK(sponsor::for_applicant(waiting).code ==
          "waiting_list"); // its position is what it needs to know
    const auto fr = fixtures::lang("fr");
    CHECK(sponsor::render_reason("letter_reason", sponsor::for_applicant(same_state), fr,
                                 fixtures::states(), "CHF") ==
          "le programme parraine un délégué par État à chaque réunion, et un délégué de votre État "
          "est parrainé pour cette réunion");
    const Reason excluded{"state_excluded", {{"state", "ARE"}}};
    CHECK(sponsor::render_reason("letter_reason", excluded, fr, fixtures::states(), "CHF") ==
          "le programme ne couvre pas les délégués des Émirats arabes unis");
  }

  TEST_CASE("sponsor::check_selection: ids once, amounts not negative, known decisions, costs "
            "as select makes them, within the fund, the states' groups") {
    const auto selection = [](const std::string &applications, const std::string &fund) {
      Collect collect;
      io::read_yaml("kind: selection\nprogramme: p\ntreaty: ccm\ncurrency: CHF\nfund: " + fund +
                        "\napplications:\n" + applications,
                    "s.yaml", collect);
      return collect.roots.at(0);
    };
    const std::string a1 =
        "  - {id: A1, ticket: 10.00, dsa: 5.00, days: 4, cost: 30.00, decision: selected}\n";
    CHECK_NOTHROW(sponsor::check_selection(selection(a1, "100.00"), reference().states));
    CHECK_THROWS_WITH(sponsor::check_selection(selection(a1 + a1, "100.00"), reference().states),
                      "s.yaml:8:10: application id 'A1' is given twice (also at s.yaml:7:10)");
    CHECK_THROWS_WITH(sponsor::check_selection(selection(a1, "-1.00"), reference().states),
                      "s.yaml:5:7: a sponsorship fund cannot be negative");
    CHECK_THROWS_WITH(
        sponsor::check_selection(
            selection("  - {id: A2, ticket: 10.00, dsa: -5.00, decision: not_selected}\n",
                      "100.00"),
            reference().states),
        "s.yaml:7:34: a daily subsistence allowance cannot be negative");
    CHECK_THROWS_WITH(
        sponsor::check_selection(selection("  - {id: A3, decision: chosen}\n", "100.00"),
                                 reference().states),
        doctest::Contains("s.yaml:7:24: unknown decision 'chosen'"));
    CHECK_THROWS_WITH(sponsor::check_selection(selection("  - {id: A4, ticket: 10.00, dsa: 5.00, "
                                                         "days: 4, cost: 31.00, decision: "
                                                         "selected}\n",
                                                         "100.00"),
                                               reference().states),
                      "s.yaml:7:55: the cost is 31.00, but ticket 10.00 and 4 days of DSA 5.00 "
                      "make 30.00");
    CHECK_THROWS_WITH(sponsor::check_selection(selection(a1, "29.99"), reference().states),
                      "s.yaml:7:55: the sponsored delegates cost more than the fund (29.99)");
    CHECK_THROWS_WITH(
        sponsor::check_selection(selection("  - {id: A5, state: FRA, "
                                           "regional_group: AFRICAN, ticket: 1.00, "
                                           "dsa: 1.00, days: 1, cost: 2.00, decision: selected}\n",
                                           "100.00"),
                                 reference().states),
        "s.yaml:7:42: 'FRA' is in regional group WESTERN_EUROPEAN_OTHERS "
        "(states.yaml), not AFRICAN");
  }
}
