#include "fixtures.hpp"

#include <isukit/assess/apportion.hpp>

#include <doctest/doctest.h>

#include <algorithm>

#include <numeric>

using namespace isukit;
using util::Money;
using util::Rational;

namespace {

const util::Currency usd = *util::Currency::parse("USD");

Money usd_amount(const char* text) { return *util::parse_money(text, usd).money; }

using fixtures::reference;
const model::Treaty& ccw() { return fixtures::treaty("ccw"); }

std::vector<assess::ScaleEntry> entries(std::initializer_list<int> thousandths) {
  std::vector<assess::ScaleEntry> result;
  model::StateId id = 0;
  for (int rate : thousandths) {
    assess::ScaleEntry entry;
    entry.state = id++;
    entry.un_rate = Rational(util::Integer(rate), util::Integer(1000));
    result.push_back(entry);
  }
  return result;
}

Rational sum_shares(const std::vector<assess::ScaleEntry>& list) {
  Rational total = 0;
  for (const auto& e : list) {
    total += e.share;
  }
  return total;
}

} // namespace

TEST_SUITE("assess::apportion") {
  TEST_CASE("assess::largest_remainder 100.00 over three equal rates") {
    const auto amounts = assess::largest_remainder(usd_amount("100.00"), {1, 1, 1}, {2, 0, 1});
    CHECK(amounts[0].plain() == "33.33");
    CHECK(amounts[1].plain() == "33.34"); // the tie goes to the best rank
    CHECK(amounts[2].plain() == "33.33");
  }

  TEST_CASE("assess::largest_remainder hands out the cents naive rounding loses") {
    // Seven equal shares of 1.00: naive rounding gives 7 x 0.14 = 0.98.
    const std::vector<Rational> weights(7, Rational(1));
    std::vector<std::size_t> ranks(7);
    std::iota(ranks.begin(), ranks.end(), 0);
    const auto amounts = assess::largest_remainder(usd_amount("1.00"), weights, ranks);
    std::int64_t total = 0;
    for (const auto& a : amounts) {
      total += a.minor_units();
    }
    CHECK(total == 100);
    CHECK(amounts[0].plain() == "0.15");
    CHECK(amounts[1].plain() == "0.15");
    CHECK(amounts[2].plain() == "0.14");
  }

  TEST_CASE("assess::apply_rules ceiling redistributes and converges") {
    // 30/25/20/15/10: capping the first two at 22 pushes the third above 22, so it is capped
    // in a second round; the last two share the rest in proportion to their rates.
    auto list = entries({30000, 25000, 20000, 15000, 10000});
    assess::apply_rules(list, {Rational(22), std::nullopt, std::nullopt}, std::vector<bool>(5, false));
    CHECK(sum_shares(list) == 1);
    CHECK(list[0].share == Rational(22, 100));
    CHECK(list[1].share == Rational(22, 100));
    CHECK(list[2].share == Rational(22, 100));
    CHECK(list[2].rule == assess::RuleApplied::ceiling);
    CHECK(list[3].rule == assess::RuleApplied::none);
    CHECK(list[3].share == Rational(204, 1000));
    CHECK(list[4].share == Rational(136, 1000));
  }

  TEST_CASE("assess::apply_rules floor and LDC ceiling") {
    auto list = entries({60000, 30000, 9990, 10});
    assess::apply_rules(list, {std::nullopt, Rational(1), Rational(5)}, {false, false, true, false});
    CHECK(sum_shares(list) == 1);
    CHECK(list[3].share == Rational(1, 100));
    CHECK(list[3].rule == assess::RuleApplied::floor);
    CHECK(list[2].share == Rational(5, 100));
    CHECK(list[2].rule == assess::RuleApplied::ldc_ceiling);
    CHECK(list[0].share / list[1].share == 2);
  }

  TEST_CASE("assess::apply_rules infeasible rules are an error") {
    auto list = entries({50000, 50000});
    CHECK_THROWS_AS(assess::apply_rules(list, {Rational(40), std::nullopt, std::nullopt}, {false, false}), util::Error);
  }

  TEST_CASE("assess::treaty_scale CCW 2025") {
    const auto scale = assess::treaty_scale(ccw(), reference(), 2025);
    CHECK(scale.entries.size() == 128);
    CHECK(scale.scale_id == "un-2025-2027");
    CHECK(sum_shares(scale.entries) == 1);
    const auto holy_see = std::find_if(scale.entries.begin(), scale.entries.end(),
                                       [](const auto& e) { return e.state == fixtures::state("VAT"); });
    REQUIRE(holy_see != scale.entries.end());
    CHECK(holy_see->basis == assess::RateBasis::notional);
    CHECK(holy_see->un_rate == Rational(1, 1000));
  }

  TEST_CASE("assess::apportion CCW 2025: USD 1,362,200.20 to the cent") {
    const auto scale = assess::treaty_scale(ccw(), reference(), 2025);
    const auto result = assess::apportion(scale, reference().states, usd_amount("1362200.20"), std::nullopt);
    Money total = Money::zero(usd);
    for (const auto& a : result.assessments) {
      total += a.amount;
    }
    CHECK(total.plain() == "1362200.20");
    CHECK(result.assessments.size() == 128);
  }

  TEST_CASE("assess::apportion minimum contribution") {
    auto scale = assess::TreatyScale{};
    scale.entries = entries({90000, 9000, 990, 10});
    assess::apply_rules(scale.entries, {}, std::vector<bool>(4, false));
    const auto& states = reference().states; // ids 0-3 are real states
    const auto result = assess::apportion(scale, states, usd_amount("1000.00"), usd_amount("20.00"));
    CHECK(result.assessments[2].amount.plain() == "20.00");
    CHECK(result.assessments[3].amount.plain() == "20.00");
    // The other 960.00 in proportion 90000 : 9000.
    CHECK(result.assessments[0].amount.plain() == "872.73");
    CHECK(result.assessments[1].amount.plain() == "87.27");
  }
}
