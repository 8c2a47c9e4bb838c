#include <isukit/assess/apportion.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "fixtures.hpp"

using namespace isukit;
using util::Money;
using util::Rational;

namespace {

const util::Currency usd = *util::Currency::parse("USD");

Money usd_amount(const char *text) {
  return *util::parse_money(text, usd).money;
}

using fixtures::reference;
const model::Treaty &ccw() {
  return fixtures::treaty("ccw");
}

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

Rational sum_shares(const std::vector<assess::ScaleEntry> &list) {
  Rational total = 0;
  for (const auto &e : list) {
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
    for (const auto &a : amounts) {
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
    assess::apply_rules(list, {Rational(22), std::nullopt, std::nullopt},
                        std::vector<bool>(5, false));
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
    assess::apply_rules(list, {std::nullopt, Rational(1), Rational(5)},
                        {false, false, true, false});
    CHECK(sum_shares(list) == 1);
    CHECK(list[3].share == Rational(1, 100));
    CHECK(list[3].rule == assess::RuleApplied::floor);
    CHECK(list[2].share == Rational(5, 100));
    CHECK(list[2].rule == assess::RuleApplied::ldc_ceiling);
    CHECK(list[0].share / list[1].share == 2);
  }

  TEST_CASE("assess::apply_rules infeasible rules are an error") {
    auto list = entries({50000, 50000});
    CHECK_THROWS_AS(
        assess::apply_rules(list, {Rational(40), std::nullopt, std::nullopt}, {false, false}),
        util::Error);
  }

  TEST_CASE("assess::treaty_scale CCW 2025") {
    const auto scale = assess::treaty_scale(ccw(), reference(), 2025);
    CHECK(scale.entries.size() == 128);
    CHECK(scale.scale_id == "un-2025-2027");
    CHECK(sum_shares(scale.entries) == 1);
    const auto holy_see =
        std::find_if(scale.entries.begin(), scale.entries.end(),
                     [](const auto &e) { return e.state == fixtures::state("VAT"); });
    REQUIRE(holy_see != scale.entries.end());
    CHECK(holy_see->basis == assess::RateBasis::notional);
    CHECK(holy_see->un_rate == Rational(1, 1000));
  }

  TEST_CASE("assess::apportion CCW 2025: USD 1,362,200.20 to the cent") {
    const auto scale = assess::treaty_scale(ccw(), reference(), 2025);
    const auto result =
        assess::apportion(scale, reference().states, usd_amount("1362200.20"), std::nullopt);
    Money total = Money::zero(usd);
    for (const auto &a : result.assessments) {
      total += a.amount;
    }
    CHECK(total.plain() == "1362200.20");
    CHECK(result.assessments.size() == 128);
  }

  TEST_CASE("assess::apportion minimum contribution") {
    auto scale = assess::TreatyScale{};
    scale.entries = entries({90000, 9000, 990, 10});
    assess::apply_rules(scale.entries, {}, std::vector<bool>(4, false));
    const auto &states = reference().states; // ids 0-3 are real states
    const auto result =
        assess::apportion(scale, states, usd_amount("1000.00"), usd_amount("20.00"));
    CHECK(result.assessments[2].amount.plain() == "20.00");
    CHECK(result.assessments[3].amount.plain() == "20.00");
    // The other 960.00 in proportion 90000 : 9000.
    CHECK(result.assessments[0].amount.plain() == "872.73");
    CHECK(result.assessments[1].amount.plain() == "87.27");
  }
}

namespace {

model::RoundingRule half_up_to(const char *unit) {
  return model::RoundingRule{model::RoundingRule::Method::each_half_up, *util::parse_decimal(unit),
                             unit};
}

std::vector<std::string> plain(const std::vector<Money> &amounts) {
  std::vector<std::string> texts;
  for (const auto &amount : amounts) {
    texts.push_back(amount.plain());
  }
  return texts;
}

const io::Node &document_of(const io::Output &output) {
  return output.documents.front();
}

const assess::ScaleEntry &entry_of(const assess::TreatyScale &scale, const std::string &code) {
  for (const auto &entry : scale.entries) {
    if (entry.code(reference().states) == code) {
      return entry;
    }
  }
  throw std::invalid_argument("no entry " + code);
}

Rational un_rate(const char *scale, const char *code) {
  return *reference().find_scale(scale)->rate(fixtures::state(code));
}

const model::Treaty &illustrative_fund() {
  static const auto fund = reference().load_treaty(std::string(ISUKIT_SOURCE_DATADIR) +
                                                   "/examples/trust-fund/fund.yaml");
  return fund;
}

} // namespace

TEST_SUITE("assess::apportion rules") {
  TEST_CASE("assess::each_half_up half-way cases, units of 1 and 1000") {
    using V = std::vector<Rational>;
    CHECK(plain(assess::each_half_up(V{Rational(1, 2), Rational(3, 2), Rational(5, 2),
                                       Rational(249999, 100), Rational(1, 200)},
                                     usd, 100)) ==
          std::vector<std::string>{"1.00", "2.00", "3.00", "2500.00", "0.00"});
    // A half cent is rounded up to the cent, a third of a cent down.
    CHECK(plain(assess::each_half_up(V{Rational(1, 200), Rational(1, 300)}, usd, 1)) ==
          std::vector<std::string>{"0.01", "0.00"});
    // 15,839.4999... is 15,839, not 15,839.50 rounded again to 15,840.
    CHECK(plain(assess::each_half_up(V{Rational(1583949999, 100000)}, usd, 100)) ==
          std::vector<std::string>{"15839.00"});
    CHECK(plain(assess::each_half_up(
              V{Rational(1500), Rational(149999, 100), Rational(500), Rational(499)}, usd,
              100000)) == std::vector<std::string>{"2000.00", "1000.00", "1000.00", "0.00"});
  }

  TEST_CASE("assess::largest_remainder in units of 1000") {
    const auto amounts =
        assess::largest_remainder(usd_amount("10000.00"), {1, 1, 1}, {2, 0, 1}, 100000);
    CHECK(plain(amounts) == std::vector<std::string>{"3000.00", "4000.00", "3000.00"});
    CHECK_THROWS_AS(assess::largest_remainder(usd_amount("10000.50"), {1, 1, 1}, {2, 0, 1}, 100000),
                    util::Error);
  }

  TEST_CASE("assess::apportion each_half_up reports the difference from the total") {
    auto scale = assess::TreatyScale{};
    SUBCASE("negative: three thirds of 100 to the dollar") {
      scale.entries = entries({1000, 1000, 1000});
      assess::apply_rules(scale.entries, {}, std::vector<bool>(3, false));
      const auto result = assess::apportion(scale, reference().states, usd_amount("100.00"),
                                            std::nullopt, half_up_to("1"));
      CHECK(result.assessments[0].amount.plain() == "33.00");
      CHECK(result.difference.plain() == "-1.00");
      const auto output =
          assess::assessments_output(result, reference().states, fixtures::lang("en"));
      CHECK(document_of(output).at("total").text() == "100");
      CHECK(document_of(output).at("difference").text() == "-1");
      CHECK(document_of(output).at("assessments").items()[0].at("amount").text() == "33");
      CHECK(output.tables.front().rows.back().cells.back() == "-1");
    }
    SUBCASE("negative to the cent") {
      scale.entries = entries({1000, 1000, 1000});
      assess::apply_rules(scale.entries, {}, std::vector<bool>(3, false));
      const auto result = assess::apportion(scale, reference().states, usd_amount("100.00"),
                                            std::nullopt, half_up_to("0.01"));
      CHECK(result.difference.plain() == "-0.01");
    }
    SUBCASE("positive: two halves of 1 to the dollar") {
      scale.entries = entries({1000, 1000});
      assess::apply_rules(scale.entries, {}, std::vector<bool>(2, false));
      const auto result = assess::apportion(scale, reference().states, usd_amount("1.00"),
                                            std::nullopt, half_up_to("1"));
      CHECK(plain({result.assessments[0].amount, result.assessments[1].amount}) ==
            std::vector<std::string>{"1.00", "1.00"});
      CHECK(result.difference.plain() == "1.00");
    }
    SUBCASE("largest remainder has no difference and no difference field") {
      scale.entries = entries({1000, 1000, 1000});
      assess::apply_rules(scale.entries, {}, std::vector<bool>(3, false));
      const auto result =
          assess::apportion(scale, reference().states, usd_amount("100.00"), std::nullopt);
      CHECK(result.difference.is_zero());
      CHECK(
          document_of(assess::assessments_output(result, reference().states, fixtures::lang("en")))
              .find("difference") == nullptr);
    }
  }

  TEST_CASE("assess::apply_rules ceiling and LDC ceiling in per cent of the whole total, with a "
            "fixed share") {
    // A fixed 10 per cent leaves 90: A would pay 72, C 4.5. The ceiling of 60 and the LDC
    // ceiling of 1 are of the whole total (of the states' 90 they would be 54 and 0.9); B takes
    // the rest, 29.
    auto list = entries({0, 80000, 15000, 5000});
    list[0].rule = assess::RuleApplied::fixed_share;
    list[0].share = Rational(1, 10);
    assess::apply_rules(list, {Rational(60), std::nullopt, Rational(1)},
                        {false, false, false, true});
    CHECK(list[0].share == Rational(1, 10));
    CHECK(list[1].share == Rational(60, 100));
    CHECK(list[1].rule == assess::RuleApplied::ceiling);
    CHECK(list[2].share == Rational(29, 100));
    CHECK(list[3].share == Rational(1, 100));
    CHECK(list[3].rule == assess::RuleApplied::ldc_ceiling);
  }

  TEST_CASE(
      "assess::treaty_scale the illustrative fund: EU fixed, USA at the ceiling, LDCs at theirs") {
    const auto scale = assess::treaty_scale(illustrative_fund(), reference(), 2026);
    CHECK(sum_shares(scale.entries) == 1);
    CHECK(entry_of(scale, "EU").share == Rational(25, 1000));
    CHECK(entry_of(scale, "EU").rule == assess::RuleApplied::fixed_share);
    CHECK(entry_of(scale, "USA").share == Rational(22, 100));
    CHECK(entry_of(scale, "USA").rule == assess::RuleApplied::ceiling);
    CHECK(entry_of(scale, "BGD").share == Rational(1, 10000));
    CHECK(entry_of(scale, "BGD").rule == assess::RuleApplied::ldc_ceiling);
    CHECK(entry_of(scale, "MOZ").rule ==
          assess::RuleApplied::none); // 0.004 scaled stays below 0.010
    // The free states keep the ratio of their UN rates.
    CHECK(entry_of(scale, "FRA").share / entry_of(scale, "DEU").share ==
          un_rate("un-2022-2024", "FRA") / un_rate("un-2022-2024", "DEU"));
  }

  TEST_CASE("assess::treaty_scale threshold: parties below min_un_rate pay nothing") {
    const auto treaty = fixtures::treaty_from_text(fixtures::fund_yaml(
        "  min_un_rate: \"0.1\"\n", "- {state: FRA}\n- {state: DEU}\n- {state: SEN}\n"));
    const auto scale = assess::treaty_scale(treaty, reference(), 2025);
    CHECK(entry_of(scale, "SEN").share == 0);
    CHECK(entry_of(scale, "SEN").rule == assess::RuleApplied::below_threshold);
    const Rational fra = un_rate("un-2025-2027", "FRA");
    CHECK(entry_of(scale, "FRA").share == fra / (fra + un_rate("un-2025-2027", "DEU")));
    const auto result =
        assess::apportion(scale, reference().states, usd_amount("1000.00"), usd_amount("10.00"));
    CHECK(result.assessments[2].amount.is_zero()); // no minimum for a party below the threshold
  }

  TEST_CASE("assess::treaty_scale pinned scale") {
    const auto treaty = fixtures::treaty_from_text(
        fixtures::fund_yaml("  scale_for_years: {2025: un-2022-2024}\n"));
    const auto pinned = assess::treaty_scale(treaty, reference(), 2025);
    CHECK(pinned.scale_id == "un-2022-2024");
    CHECK(pinned.scale_pinned);
    const Rational fra = un_rate("un-2022-2024", "FRA");
    CHECK(entry_of(pinned, "FRA").share == fra / (fra + un_rate("un-2022-2024", "DEU")));
    const auto by_year = assess::treaty_scale(treaty, reference(), 2026);
    CHECK(by_year.scale_id == "un-2025-2027");
    CHECK_FALSE(by_year.scale_pinned);
    CHECK_THROWS_AS(assess::treaty_scale(treaty, reference(), 2028), util::Error);
  }

  TEST_CASE("assess::apportion a minimum contribution leaves a fixed share fixed") {
    auto scale = assess::TreatyScale{};
    scale.entries = entries({0, 90000, 9990, 10});
    scale.entries[0].rule = assess::RuleApplied::fixed_share;
    scale.entries[0].share = Rational(1, 10);
    assess::apply_rules(scale.entries, {}, std::vector<bool>(4, false));
    const auto result =
        assess::apportion(scale, reference().states, usd_amount("1000.00"), usd_amount("20.00"));
    CHECK(result.assessments[0].amount.plain() == "100.00");
    CHECK(result.assessments[3].amount.plain() == "20.00");
    Money total = Money::zero(usd);
    for (const auto &a : result.assessments) {
      total += a.amount;
    }
    CHECK(total.plain() == "1000.00");
  }
}

namespace {

// The rounding rules by their rational definitions, as assess computed them before the
// integer arithmetic: the integer versions must give the same amounts.
std::vector<Money> rational_largest_remainder(const Money &total,
                                              const std::vector<Rational> &weights,
                                              const std::vector<std::size_t> &tie_rank,
                                              std::int64_t unit) {
  const Rational sum = std::accumulate(weights.begin(), weights.end(), Rational(0));
  const std::int64_t units = total.minor_units() / unit;
  std::vector<Money> amounts;
  std::vector<Rational> remainders;
  std::int64_t left = units;
  for (const auto &weight : weights) {
    const Rational exact = sum == 0 ? Rational(0) : Rational(units) * weight / sum;
    const auto floored =
        util::round_to_integer(exact, util::Rounding::floor).convert_to<std::int64_t>();
    amounts.emplace_back(floored * unit, total.currency());
    remainders.push_back(exact - floored);
    left -= floored;
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return remainders[a] != remainders[b] ? remainders[a] > remainders[b]
                                          : tie_rank[a] < tie_rank[b];
  });
  for (std::size_t i = 0; left > 0; --left, ++i) {
    amounts[order[i]] += Money(unit, total.currency());
  }
  return amounts;
}

std::vector<Money> rational_each_half_up(const std::vector<Rational> &exact, std::int64_t unit) {
  std::vector<Money> amounts;
  for (const auto &value : exact) {
    const auto units = util::round_to_integer(value * 100 / unit, util::Rounding::half_up)
                           .convert_to<std::int64_t>();
    amounts.emplace_back(units * unit, usd);
  }
  return amounts;
}

} // namespace

TEST_SUITE("assess::apportion integer arithmetic") {
  TEST_CASE("assess::largest_remainder and each_half_up equal their rational definitions") {
    // Both shipped treaties on both shipped scales, the illustrative fund (fixed share,
    // ceilings), random totals from a cent to a billion, units of a cent, a dollar and 1000.
    std::vector<assess::TreatyScale> scales;
    for (const char *treaty : {"ccw", "ccm"}) {
      for (int year : {2024, 2025}) {
        scales.push_back(assess::treaty_scale(fixtures::treaty(treaty), reference(), year));
      }
    }
    scales.push_back(assess::treaty_scale(illustrative_fund(), reference(), 2026));
    std::mt19937_64 random(19);
    std::uniform_int_distribution<std::int64_t> magnitude(0, 11);
    int compared = 0;
    for (const auto &scale : scales) {
      std::vector<Rational> shares;
      std::vector<std::size_t> ranks(scale.entries.size());
      for (std::size_t i = 0; i < scale.entries.size(); ++i) {
        shares.push_back(scale.entries[i].share);
        ranks[i] = (i * 7919) % scale.entries.size();
      }
      for (int draw = 0; draw < 40; ++draw) {
        std::int64_t ceiling = 1;
        for (auto digits = magnitude(random); digits > 0; --digits) {
          ceiling *= 10;
        }
        const std::int64_t minor = std::uniform_int_distribution<std::int64_t>(0, ceiling)(random);
        for (std::int64_t unit : {1, 100, 100000}) {
          const Money total((minor / unit) * unit, usd);
          CHECK(plain(assess::largest_remainder(total, shares, ranks, unit)) ==
                plain(rational_largest_remainder(total, shares, ranks, unit)));
          std::vector<Rational> exact;
          for (const auto &share : shares) {
            exact.push_back(Money(minor, usd).value() * share);
          }
          CHECK(plain(assess::each_half_up(exact, usd, unit)) ==
                plain(rational_each_half_up(exact, unit)));
          ++compared;
        }
      }
    }
    CHECK(compared == 5 * 40 * 3);
  }
}
