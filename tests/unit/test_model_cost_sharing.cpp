// Cost-sharing rules read from a treaty file: the smallest fund file, every rule's syntax, and
// misspelt keys.
#include <isukit/model/cost_sharing.hpp>

#include <doctest/doctest.h>

#include "fixtures.hpp"

using namespace isukit;
using model::RoundingRule;
using util::Rational;

namespace {

using fixtures::fund_yaml;

const std::string eu =
    "organizations:\n- {code: EU, name_en: European Union, name_fr: Union européenne}\n";

/// The located message of the error reading `yaml`, or "no error".
std::string error_of(const std::string &yaml) {
  try {
    fixtures::treaty_from_text(yaml);
  } catch (const util::Error &e) {
    CHECK(e.code() == util::ExitCode::data);
    const std::string message = e.located_message();
    return message.substr(message.find("fund.yaml"));
  }
  return "no error";
}

const util::Currency usd = *util::Currency::parse("USD");

} // namespace

TEST_SUITE("model::cost_sharing") {
  TEST_CASE("model::Treaty the smallest fund file") {
    const auto treaty = fixtures::treaty_from_text(fund_yaml());
    CHECK(treaty.short_name(fixtures::lang("en")) == "fund");
    CHECK(treaty.parties().size() == 2);
    CHECK(treaty.instruments().empty());
    CHECK(treaty.reporting().empty());
    // Without deposit dates a party contributes in every year.
    CHECK(treaty.contributors_on(util::Date(1950, 1, 1)).size() == 2);
    CHECK(treaty.contributors_on(util::Date(2099, 1, 1)).size() == 2);
    const auto &sharing = treaty.cost_sharing();
    CHECK(sharing.rounding.method == RoundingRule::Method::largest_remainder);
    CHECK(sharing.rounding.unit_minor(usd) == 1);
    CHECK(sharing.rounding.places(usd) == 2);
    CHECK(sharing.fixed_shares.empty());
    CHECK_FALSE(sharing.ceiling);
  }

  TEST_CASE("model::parse_cost_sharing every rule") {
    const auto treaty = fixtures::treaty_from_text(fund_yaml(
        "  scale_for_years: {2025: un-2022-2024, 2026: un-2022-2024}\n  fixed_shares: {EU: "
        "\"2.5\"}\n"
        "  min_un_rate: \"0.1\"\n  ceiling: 22\n  floor: 0.001\n  ldc_ceiling: 0.010\n"
        "  minimum_contribution: \"100\"\n  rounding: {method: each_half_up, unit: \"1000\"}\n",
        "- {organization: EU}\n- {state: FRA}\n", eu));
    const auto &sharing = treaty.cost_sharing();
    CHECK(sharing.pinned_scale(2025) == "un-2022-2024");
    CHECK(sharing.pinned_scale(2027).empty());
    CHECK(*sharing.fixed_share("EU") == Rational(5, 2));
    CHECK_FALSE(sharing.fixed_share("FRA"));
    CHECK(*sharing.min_un_rate == Rational(1, 10));
    CHECK(*sharing.ceiling == 22);
    CHECK(*sharing.ldc_ceiling == Rational(1, 100));
    CHECK(sharing.minimum_contribution->plain() == "100.00");
    CHECK(sharing.rounding.method == RoundingRule::Method::each_half_up);
    CHECK(sharing.rounding.unit_minor(usd) == 100000);
    CHECK(sharing.rounding.places(usd) == 0);
    CHECK(treaty.party_code(treaty.parties()[0], fixtures::states()) == "EU");
  }

  TEST_CASE("model::parse_cost_sharing misspelt keys are errors at their position") {
    CHECK(error_of(fund_yaml("  ceilling: 5\n")) ==
          "fund.yaml:8:3: unknown field 'ceilling' (did you mean 'ceiling'?)");
    CHECK(error_of(fund_yaml("  rounding: {method: each_half_up, unti: \"1\"}\n")) ==
          "fund.yaml:8:36: unknown field 'unti' (did you mean 'unit'?)");
    CHECK(error_of(fund_yaml() + "partys: []\n") ==
          "fund.yaml:11:1: unknown field 'partys' (did you mean 'parties'?)");
    CHECK(error_of(fund_yaml("", "- {state: FRA, deposit: {convention: 2020-01-01}}\n")) ==
          "fund.yaml:9:16: unknown field 'deposit' (did you mean 'deposits'?)");
    // Far from every known key: the list instead of a guess.
    CHECK(error_of(fund_yaml("  colour: red\n"))
              .starts_with("fund.yaml:8:3: unknown field 'colour' (expected one of: instrument, "));
  }

  TEST_CASE("model::parse_cost_sharing rejects rules that cannot hold") {
    CHECK(error_of(fund_yaml("  rounding: {method: each_half_up, unit: \"0.001\"}\n")) ==
          "fund.yaml:8:42: the rounding unit 0.001 is not a whole number of USD minor units");
    CHECK(error_of(fund_yaml("  rounding: {method: half_even}\n")) ==
          "fund.yaml:8:22: unknown rounding method 'half_even' (expected largest_remainder or "
          "each_half_up)");
    CHECK(error_of(fund_yaml("  scale_for_years: {2025: un-2019-2021}\n")) ==
          "fund.yaml:8:27: scale 'un-2019-2021' is not among the fund's scales (un-2022-2024, "
          "un-2025-2027)");
    CHECK(error_of(fund_yaml("  fixed_shares: {ITA: \"2.5\"}\n")) ==
          "fund.yaml:8:18: 'ITA' has a fixed share but is not a party");
    CHECK(error_of(fund_yaml("  fixed_shares: {FRA: \"60\", DEU: \"40\"}\n")) ==
          "fund.yaml:8:17: the fixed shares add up to 100.000 per cent, leaving nothing to share");
    CHECK(
        error_of(fund_yaml("", "- {organization: EU}\n", eu)) ==
        "fund.yaml:9:3: organization 'EU' has no UN rate: cost_sharing needs a fixed share for it");
    CHECK(error_of(fund_yaml("", "- {state: FRA}\n",
                             "organizations:\n- {code: FRA, name_en: F, name_fr: F}\n")) ==
          "fund.yaml:7:10: 'FRA' is a state's code; an organization needs its own");
  }
}
