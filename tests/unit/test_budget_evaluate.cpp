#include <isukit/budget/evaluate.hpp>
#include <isukit/budget/tables.hpp>
#include <isukit/io/yaml_reader.hpp>
#include <isukit/model/reference.hpp>

#include <doctest/doctest.h>

#include "fixtures.hpp"

using namespace isukit;

namespace {

struct One : io::DocumentConsumer {
  io::Node root;
  std::string_view streamed_list(const std::string &, const io::Node &) override { return {}; }
  void on_record(const std::string &, const io::Node &, const io::Node &) override {}
  void on_document(io::Document document) override { root = std::move(document.root); }
};

model::Budget parse(const std::string &text) {
  One one;
  io::read_yaml(text, "budget.yaml", one);
  return model::Budget::from_document(one.root);
}

const std::string header =
    "kind: budget\nid: b\ntitle_en: B\ncurrency: CHF\nyears: {from: 2025, to: 2026}\n";

} // namespace

TEST_SUITE("budget::evaluate") {
  TEST_CASE("budget::Evaluation share rule, rounding to the unit") {
    const auto budget =
        parse(header + "rounding: 1\nlines:\n"
                       "  - {id: salaries, label_en: S, amounts: {2025: 365881, 2026: 100}}\n"
                       "  - {id: social, label_en: SS, rule: {share: 20, of: [salaries]}}\n");
    const auto e = budget::Evaluation::of(budget);
    CHECK(*e.cell(1, 2025).computed == util::Rational(7317620, 100));
    CHECK(e.cell(1, 2025).value->plain() == "73176.00"); // 73,176.2 to whole francs
    CHECK(e.cell(1, 2026).value->plain() == "20.00");
    CHECK(e.year_total(2025).plain() == "439057.00");
    CHECK(e.period_total().plain() == "439177.00");
  }

  TEST_CASE("budget::Evaluation stated figures are used and checked") {
    const auto budget =
        parse(header + "rounding: 1\nlines:\n"
                       "  - {id: salaries, label_en: S, amounts: {2025: 365881, 2026: 348103}}\n"
                       "  - {id: social, label_en: SS, rule: {share: 20, of: [salaries]},"
                       " stated: {2025: 69176, 2026: 69621}}\n"
                       "stated_totals: {2025: 435057, 2026: 417724, period: 852781}\n");
    const auto e = budget::Evaluation::of(budget);
    CHECK(e.cell(1, 2025).value->plain() == "69176.00");
    const auto result = budget::check_budgets({e}, fixtures::lang("en"));
    CHECK(result.deviations ==
          1); // 2025: 20% of 365,881 is 73,176, not 69,176; 2026 rounds to 69,621
    const auto &deviation = result.output.documents[0].at("deviations").items()[0];
    CHECK(deviation.at("year").text() == "2025");
    CHECK(deviation.at("difference").text() == "-4000");
  }

  TEST_CASE("budget::Evaluation quantity x unit cost, with cents") {
    const auto budget = parse(header + "rounding: 0.05\nlines:\n"
                                       "  - {id: travel, label_en: T, rule: {quantity: 10, "
                                       "unit_cost: {2025: 2512.33, 2026: 2600}}}\n");
    const auto e = budget::Evaluation::of(budget);
    CHECK(e.cell(0, 2025).value->plain() == "25123.30");
    CHECK(e.cell(0, 2026).value->plain() == "26000.00");
    CHECK(budget::round_to_unit(util::Rational(1234, 1000), budget.rounding).plain() == "1.25");
  }

  TEST_CASE("budget::Evaluation rules over rules, in any order") {
    const auto budget = parse(
        header + "lines:\n"
                 "  - {id: overhead, label_en: O, rule: {share: 10, of: [salaries, social]}}\n"
                 "  - {id: social, label_en: SS, rule: {share: 20, of: [salaries]}}\n"
                 "  - {id: salaries, label_en: S, amounts: {2025: 1000, 2026: 1000}}\n");
    const auto e = budget::Evaluation::of(budget);
    CHECK(e.cell(0, 2025).value->plain() == "120.00");
  }

  TEST_CASE("budget::Evaluation cycles are errors") {
    const auto budget = parse(header + "lines:\n"
                                       "  - {id: a, label_en: A, rule: {share: 10, of: [b]}}\n"
                                       "  - {id: b, label_en: B, rule: {share: 10, of: [c]}}\n"
                                       "  - {id: c, label_en: C, rule: {share: 10, of: [a]}}\n");
    CHECK_THROWS_WITH(budget::Evaluation::of(budget),
                      "budget.yaml:7:32: rules form a cycle: a -> b -> c -> a");
  }

  TEST_CASE("budget::Evaluation totals past what money holds are errors at the line") {
    const std::string huge = "92233720368547758";
    const auto one_line =
        parse(header + "lines:\n  - {id: a, label_en: A, amounts: {2025: " + huge +
              ", 2026: " + huge + "}}\n");
    CHECK_THROWS_WITH(
        budget::Evaluation::of(one_line),
        doctest::Contains("budget.yaml:7:5: the total of line 'a' is past the largest amount"));
    const auto two_lines =
        parse(header + "lines:\n  - {id: a, label_en: A, amounts: {2025: " + huge +
              ", 2026: 0}}\n  - {id: b, label_en: B, amounts: {2025: " + huge + ", 2026: 0}}\n");
    CHECK_THROWS_WITH(
        budget::Evaluation::of(two_lines),
        doctest::Contains(
            "budget.yaml:8:5: the 2025 total with line 'b' is past the largest amount"));
    const auto rule = parse(header + "lines:\n  - {id: a, label_en: A, amounts: {2025: " + huge +
                            ", 2026: 0}}\n  - {id: b, label_en: B, rule: {share: 200, of: [a]}}\n");
    CHECK_THROWS_WITH(
        budget::Evaluation::of(rule),
        doctest::Contains(
            "budget.yaml:8:32: the rule's amount for 2025 is past the largest amount"));
  }

  TEST_CASE("budget::Evaluation on the CCM ISU budget 2021-2026") {
    const auto root = model::read_single_document(
        std::string(ISUKIT_SOURCE_DATADIR) + "/budgets/ccm-isu-2021-2026.yaml", "budget");
    const auto budget = model::Budget::from_document(root);
    const auto e = budget::Evaluation::of(budget);
    const char *totals[] = {"469686.00", "486194.00", "495057.00",
                            "477724.00", "497138.00", "514753.00"};
    for (int year = 2021; year <= 2026; ++year) {
      CHECK(e.year_total(year).plain() == totals[year - 2021]);
    }
    CHECK(e.period_total().plain() == "2940552.00");
    const auto result = budget::check_budgets({e}, fixtures::lang("en"));
    CHECK(result.deviations == 1); // only 2023 social security: stated 69,176, 20% is 73,176

    // The notes of the source document, as the brief quotes them.
    auto has = [](const std::string &text, const char *part) {
      return text.find(part) != std::string::npos;
    };
    REQUIRE(budget.notes.size() == 5);
    CHECK(has(budget.notes[2].in(fixtures::lang("en")),
              "10 legs a year (6 long-haul and 4 short/medium-haul, economy"));
    CHECK(has(budget.notes[1].in(fixtures::lang("en")), "2021"));
    CHECK(has(budget.notes[1].in(fixtures::lang("en")), "2026"));
    CHECK(has(budget.find_line("salaries")->note.in(fixtures::lang("en")), "assistant half time"));
    CHECK(
        has(budget.find_line("social_security")->note.in(fixtures::lang("en")), "20% of salaries"));
    CHECK(budget.find_line("administrative")->in_kind());
    CHECK(has(budget.find_line("administrative")->in_kind_text.in(fixtures::lang("en")), "GICHD"));
  }
}
