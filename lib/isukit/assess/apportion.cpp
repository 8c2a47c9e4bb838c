#include <isukit/assess/apportion.hpp>
#include <isukit/io/fields.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace isukit::assess {

using util::Money;
using util::Rational;

namespace {

/// The shares floored to whole rounding units, and what the floors leave.
struct FlooredShares {
  std::vector<Money> amounts;
  std::vector<util::Integer> remainders; // all over the same divisor: they compare as integers
  std::int64_t units_left = 0;           // of the total, not handed out by the floors
};

FlooredShares floor_shares(const Money &total, const std::vector<Rational> &weights,
                           const util::Integer &units, std::int64_t unit) {
  // Share i is units * weight_i / sum of weights = units * n_i / (sum of n), n_i the weights
  // over a common denominator: floor and remainder are one integer division, and remainders
  // over the same divisor compare as integers.
  const util::CommonDenominator common = util::over_common_denominator(weights);
  const util::Integer divisor =
      std::accumulate(common.numerators.begin(), common.numerators.end(), util::Integer(0));
  FlooredShares shares;
  shares.remainders.resize(weights.size());
  std::int64_t handed_out = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    util::Integer floored = 0;
    if (divisor != 0) {
      boost::multiprecision::divide_qr(units * common.numerators[i], divisor, floored,
                                       shares.remainders[i]);
    }
    shares.amounts.emplace_back(floored.convert_to<std::int64_t>() * unit, total.currency());
    handed_out += floored.convert_to<std::int64_t>();
  }
  shares.units_left = units.convert_to<std::int64_t>() - handed_out;
  return shares;
}

/// Hands the units left, one each, to the shares of the largest remainders; equal remainders
/// go by `tie_rank`.
void hand_out_units_left(FlooredShares &shares, const std::vector<std::size_t> &tie_rank,
                         const Money &one_unit) {
  std::vector<std::size_t> order(shares.amounts.size());
  std::iota(order.begin(), order.end(), 0);
  const auto &remainders = shares.remainders;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (remainders[a] != remainders[b]) {
      return remainders[a] > remainders[b];
    }
    return tie_rank[a] < tie_rank[b];
  });
  // The remainders are each below one unit, so fewer units are left than shares.
  for (std::int64_t i = 0; i < shares.units_left; ++i) {
    shares.amounts[order[static_cast<std::size_t>(i)]] += one_unit;
  }
}

} // namespace

std::vector<Money> largest_remainder(const Money &total, const std::vector<Rational> &weights,
                                     const std::vector<std::size_t> &tie_rank, std::int64_t unit) {
  if (total.minor_units() % unit != 0) {
    throw util::Error(
        util::ExitCode::data,
        fmt::format("the total {} is not a whole number of rounding units of {} minor units, so no "
                    "largest-remainder split can add up to it",
                    total.plain(), unit));
  }
  const util::Integer units = total.minor_units() / unit;
  FlooredShares shares = floor_shares(total, weights, units, unit);
  hand_out_units_left(shares, tie_rank, Money(unit, total.currency()));
  return std::move(shares.amounts);
}

std::vector<Money> each_half_up(const std::vector<Rational> &exact, util::Currency currency,
                                std::int64_t unit) {
  util::Integer minor_per_major = 1;
  for (int digit = 0; digit < currency.minor_digits(); ++digit) {
    minor_per_major *= 10;
  }
  // Amount i in units is n_i * minor_per_major / (denominator * unit): one integer division,
  // rounded up when twice the remainder reaches the divisor (amounts are never negative).
  const util::CommonDenominator common = util::over_common_denominator(exact);
  const util::Integer divisor = common.denominator * unit;
  std::vector<Money> amounts;
  amounts.reserve(exact.size());
  for (const auto &numerator : common.numerators) {
    util::Integer units;
    util::Integer remainder;
    boost::multiprecision::divide_qr(numerator * minor_per_major, divisor, units, remainder);
    if (remainder * 2 >= divisor) {
      ++units;
    }
    amounts.emplace_back(units.convert_to<std::int64_t>() * unit, currency);
  }
  return amounts;
}

namespace {

/// Rank of each entry for breaking ties: larger share first, then the code.
std::vector<std::size_t> tie_ranks(const TreatyScale &scale, const model::StateTable &states) {
  const auto &entries = scale.entries;
  std::vector<Rational> shares;
  shares.reserve(entries.size());
  for (const auto &entry : entries) {
    shares.push_back(entry.share);
  }
  const auto common = util::over_common_denominator(shares); // shares compare as integers
  std::vector<std::size_t> by_rate(entries.size());
  std::iota(by_rate.begin(), by_rate.end(), 0);
  std::sort(by_rate.begin(), by_rate.end(), [&](std::size_t a, std::size_t b) {
    if (common.numerators[a] != common.numerators[b]) {
      return common.numerators[a] > common.numerators[b];
    }
    return entries[a].code(states) < entries[b].code(states);
  });
  std::vector<std::size_t> rank(entries.size());
  for (std::size_t r = 0; r < by_rate.size(); ++r) {
    rank[by_rate[r]] = r;
  }
  return rank;
}

/// A fixed share or a party below the threshold keeps its share of the total whatever the
/// minimum contribution does to the others.
bool settled_by_rule(const ScaleEntry &entry) {
  return entry.rule == RuleApplied::fixed_share || entry.rule == RuleApplied::below_threshold;
}

/// Which adjustable entries pay the minimum: repeated until no other share of what is left
/// falls below it.
std::vector<bool> entries_at_minimum(const TreatyScale &scale, const Rational &left,
                                     const Rational &minimum) {
  const auto &entries = scale.entries;
  std::vector<bool> at_minimum(entries.size(), false);
  for (bool changed = true; changed;) {
    changed = false;
    Rational free_shares = 0;
    std::size_t fixed = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (at_minimum[i]) {
        ++fixed;
      } else if (!settled_by_rule(entries[i])) {
        free_shares += entries[i].share;
      }
    }
    const Rational rest = left - minimum * fixed;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (!at_minimum[i] && !settled_by_rule(entries[i]) &&
          rest * entries[i].share / free_shares < minimum) {
        at_minimum[i] = true;
        changed = true;
      }
    }
  }
  return at_minimum;
}

/// Each entry's exact amount in major units, after the minimum contribution; `at_minimum`
/// (sized to the entries) marks those held at the minimum.
std::vector<Rational> exact_amounts(const TreatyScale &scale, const Money &total,
                                    const std::optional<Money> &minimum,
                                    std::vector<bool> &at_minimum) {
  const auto &entries = scale.entries;
  std::vector<Rational> exact(entries.size());
  Rational left = total.value(); // what the fixed shares and the threshold leave
  std::size_t adjustable = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    exact[i] = total.value() * entries[i].share;
    if (settled_by_rule(entries[i])) {
      left -= exact[i];
    } else {
      ++adjustable;
    }
  }
  if (!minimum || adjustable == 0) {
    return exact;
  }
  if (minimum->value() * adjustable > left) {
    throw util::Error(
        util::ExitCode::data,
        fmt::format("the minimum contribution {} times {} states exceeds the total {}",
                    minimum->plain(), adjustable, util::format_decimal(left, 2)));
  }
  at_minimum = entries_at_minimum(scale, left, minimum->value());
  Rational free_shares = 0;
  Rational rest = left;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (at_minimum[i]) {
      rest -= minimum->value();
    } else if (!settled_by_rule(entries[i])) {
      free_shares += entries[i].share;
    }
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (at_minimum[i]) {
      exact[i] = minimum->value();
    } else if (!settled_by_rule(entries[i])) {
      exact[i] = rest * entries[i].share / free_shares;
    }
  }
  return exact;
}

/// Under a minimum contribution, each adjustable entry's share becomes its exact amount over the
/// total (what its printed rate must give), and an entry held at the minimum says so in its rule.
void effective_shares(TreatyScale &scale, const std::vector<Rational> &exact, const Money &total,
                      const std::vector<bool> &at_minimum) {
  for (std::size_t i = 0; i < scale.entries.size(); ++i) {
    ScaleEntry &entry = scale.entries[i];
    if (!settled_by_rule(entry)) {
      entry.share = exact[i] / total.value();
    }
    if (at_minimum[i]) {
      entry.rule = RuleApplied::minimum_contribution;
    }
  }
}

} // namespace

Apportionment apportion(const TreatyScale &scale, const model::StateTable &states,
                        const Money &total, const std::optional<Money> &minimum,
                        const model::RoundingRule &rounding) {
  if (total.is_negative()) {
    throw util::Error(util::ExitCode::data,
                      "the total to apportion is below zero"); // --total is checked when read
  }
  Apportionment result{scale, total, minimum, rounding, {}, Money::zero(total.currency())};
  std::vector<bool> at_minimum(scale.entries.size(), false);
  const std::vector<Rational> exact = exact_amounts(scale, total, minimum, at_minimum);
  if (minimum && !total.is_zero()) {
    effective_shares(result.scale, exact, total, at_minimum);
  }
  const std::int64_t unit = rounding.unit_minor(total.currency());
  const std::vector<Money> amounts =
      rounding.method == model::RoundingRule::Method::each_half_up
          ? each_half_up(exact, total.currency(), unit)
          : largest_remainder(total, exact, tie_ranks(scale, states), unit);
  for (const auto &amount : amounts) {
    const Rational share = total.is_zero() ? Rational(0) : amount.value() / total.value();
    result.assessments.push_back(Assessment{share, amount});
    result.difference += amount;
  }
  result.difference -= total;
  return result;
}

namespace {

/// An amount with `places` decimals when it has no more, else with all its minor digits.
std::string amount_text(const Money &amount, int places) {
  std::int64_t step = 1;
  for (int digit = places; digit < amount.currency().minor_digits(); ++digit) {
    step *= 10;
  }
  return amount.minor_units() % step == 0 ? util::format_decimal(amount.value(), places)
                                          : amount.plain();
}

std::string rounding_text(const model::RoundingRule &rule, const util::Currency &currency) {
  const std::int64_t unit = rule.unit_minor(currency);
  const std::string step =
      unit == 1 && currency.minor_digits() == 2
          ? std::string("the cent")
          : fmt::format("{} {}", amount_text(Money(unit, currency), rule.places(currency)),
                        currency.code());
  if (rule.method == model::RoundingRule::Method::each_half_up) {
    return fmt::format(
        "each share rounded half up to {} on its own; the shares add up to the total plus the "
        "difference",
        step);
  }
  return fmt::format("largest remainder to {}; ties to the larger rate, then the ISO code", step);
}

/// One party's assessed contribution, beside its entry in the treaty's scale.
struct AssessedParty {
  const ScaleEntry *entry;
  std::string amount; // at the rounding's places
};

/// The fields of an assessments record; `rule` (under a minimum contribution) marks the parties
/// held at the minimum.
io::Fields<AssessedParty> assessment_fields(const model::StateTable &states, bool rule) {
  using P = AssessedParty;
  io::Fields<P> fields =
      party_fields<P>(states, [](const P &p) -> const ScaleEntry & { return *p.entry; });
  io::Fields<P> amounts = {
      {.key = "rate",
       .label = "label.rate_percent",
       .type = io::FieldType::rate,
       .value = [](const P &p) { return format_percent(p.entry->share); }},
      {.key = "amount",
       .label = "label.amount",
       .type = io::FieldType::money,
       .value = [](const P &p) { return p.amount; }},
  };
  if (rule) {
    amounts.push_back(io::Field<P>{.key = "rule",
                                   .label = "label.rule",
                                   .type = io::FieldType::code,
                                   .words = "rule.",
                                   .omit_absent = true,
                                   .value = [](const P &p) {
                                     return p.entry->rule == RuleApplied::minimum_contribution
                                                ? io::Value(std::string(rule_name(p.entry->rule)))
                                                : io::Value();
                                   }});
  }
  fields.insert(fields.end(), amounts.begin(), amounts.end());
  return fields;
}

io::Node assessments_header(const Apportionment &a) {
  using io::Node;
  const int places = a.rounding.places(a.total.currency());
  Node document = Node::mapping();
  document.add("kind", Node::string("assessments"));
  document.add("treaty", Node::string(a.scale.treaty));
  document.add("year", Node::number(std::to_string(a.scale.year)));
  document.add("currency", Node::string(std::string(a.total.currency().code())));
  document.add("total", Node::number(amount_text(a.total, places)));
  if (a.rounding.method == model::RoundingRule::Method::each_half_up) {
    document.add("difference", Node::number(amount_text(a.difference, places)));
  }
  Node &basis = document.add("basis", Node::mapping());
  basis.add("scale", Node::string(a.scale.scale_id));
  basis.add("parties_on", Node::string(a.scale.parties_on.iso()));
  if (a.minimum) {
    basis.add("minimum_contribution", Node::number(a.minimum->plain()));
  }
  basis.add("rounding", Node::string(rounding_text(a.rounding, a.total.currency())));
  return document;
}

} // namespace

io::Output assessments_output(const Apportionment &a, const model::StateTable &states,
                              const util::Lang &lang) {
  const int places = a.rounding.places(a.total.currency());
  std::vector<AssessedParty> parties;
  for (std::size_t i = 0; i < a.assessments.size(); ++i) {
    parties.push_back({&a.scale.entries[i], amount_text(a.assessments[i].amount, places)});
  }
  const auto fields = assessment_fields(states, a.minimum.has_value());
  io::Node document = assessments_header(a);
  document.add("assessments", io::record_list(fields, parties));
  const auto title =
      lang.text("title.assessments", {{"year", std::to_string(a.scale.year)},
                                      {"treaty", a.scale.treaty},
                                      {"currency", std::string(a.total.currency().code())}});
  io::Table table = io::record_table("assessments", title, fields, parties, lang);
  io::add_total_row(table, fields,
                    {{"rate", format_percent(1)}, {"amount", amount_text(a.total, places)}}, lang);
  if (a.rounding.method == model::RoundingRule::Method::each_half_up) {
    io::add_total_row(table, fields, {{"amount", amount_text(a.difference, places)}}, lang,
                      "label.difference_from_total");
  }
  return io::Output(std::move(document), std::move(table));
}

} // namespace isukit::assess
