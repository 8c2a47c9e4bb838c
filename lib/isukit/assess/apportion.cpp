#include <isukit/assess/apportion.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace isukit::assess {

using util::Money;
using util::Rational;

std::vector<Money> largest_remainder(const Money& total, const std::vector<Rational>& weights,
                                     const std::vector<std::size_t>& tie_rank) {
  const Rational weight_sum = std::accumulate(weights.begin(), weights.end(), Rational(0));
  std::vector<Money> amounts;
  std::vector<Rational> remainders;
  std::int64_t handed_out = 0;
  for (const auto& weight : weights) {
    const Rational exact = Rational(total.minor_units()) * weight / weight_sum; // in minor units
    const util::Integer floored = util::round_to_integer(exact, util::Rounding::floor);
    amounts.emplace_back(floored.convert_to<std::int64_t>(), total.currency());
    remainders.push_back(exact - Rational(floored));
    handed_out += amounts.back().minor_units();
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (remainders[a] != remainders[b]) {
      return remainders[a] > remainders[b];
    }
    return tie_rank[a] < tie_rank[b];
  });
  // The remainders are each below one minor unit, so fewer units are left than states.
  for (std::int64_t left = total.minor_units() - handed_out, i = 0; left > 0; --left, ++i) {
    amounts[order[static_cast<std::size_t>(i)]] += Money(1, total.currency());
  }
  return amounts;
}

Apportionment apportion(const TreatyScale& scale, const model::StateTable& states, const Money& total,
                        const std::optional<Money>& minimum) {
  Apportionment result{scale, total, minimum, {}};
  const std::size_t n = scale.entries.size();
  if (total.is_negative()) {
    throw util::Error(util::ExitCode::usage, "the total to apportion must not be negative");
  }
  // Tie rank: larger rate first, then ISO code.
  std::vector<std::size_t> by_rate(n);
  std::iota(by_rate.begin(), by_rate.end(), 0);
  std::sort(by_rate.begin(), by_rate.end(), [&](std::size_t a, std::size_t b) {
    if (scale.entries[a].share != scale.entries[b].share) {
      return scale.entries[a].share > scale.entries[b].share;
    }
    return states[scale.entries[a].state].code < states[scale.entries[b].state].code;
  });
  std::vector<std::size_t> tie_rank(n);
  for (std::size_t rank = 0; rank < n; ++rank) {
    tie_rank[by_rate[rank]] = rank;
  }

  std::vector<bool> at_minimum(n, false);
  if (minimum) {
    if (Rational(minimum->minor_units()) * n > Rational(total.minor_units())) {
      throw util::Error(util::ExitCode::data, fmt::format("the minimum contribution {} times {} states exceeds the total {}",
                                                          minimum->plain(), n, total.plain()));
    }
    bool changed = true;
    while (changed) {
      changed = false;
      Rational free_shares = 0;
      std::size_t fixed = 0;
      for (std::size_t i = 0; i < n; ++i) {
        if (at_minimum[i]) {
          ++fixed;
        } else {
          free_shares += scale.entries[i].share;
        }
      }
      const Rational rest = total.value() - minimum->value() * fixed;
      for (std::size_t i = 0; i < n; ++i) {
        if (!at_minimum[i] && rest * scale.entries[i].share / free_shares < minimum->value()) {
          at_minimum[i] = true;
          changed = true;
        }
      }
    }
  }

  std::vector<Rational> weights;
  std::vector<std::size_t> free_index;
  std::vector<std::size_t> free_rank;
  Money rest = total;
  for (std::size_t i = 0; i < n; ++i) {
    if (at_minimum[i]) {
      rest -= *minimum;
    } else {
      weights.push_back(scale.entries[i].share);
      free_index.push_back(i);
      free_rank.push_back(tie_rank[i]);
    }
  }
  std::vector<Money> amounts(n, Money::zero(total.currency()));
  for (std::size_t i = 0; i < n; ++i) {
    if (at_minimum[i]) {
      amounts[i] = *minimum;
    }
  }
  if (!weights.empty()) {
    const auto split = largest_remainder(rest, weights, free_rank);
    for (std::size_t k = 0; k < free_index.size(); ++k) {
      amounts[free_index[k]] = split[k];
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Rational share = total.is_zero() ? Rational(0) : amounts[i].value() / total.value();
    result.assessments.push_back(Assessment{scale.entries[i].state, share, amounts[i]});
  }
  return result;
}

io::Output assessments_output(const Apportionment& a, const model::StateTable& states, util::Lang lang) {
  using io::Column;
  using io::ColumnType;
  using io::Node;
  Node document = Node::mapping();
  document.add("kind", Node::string("assessments"));
  document.add("treaty", Node::string(a.scale.treaty));
  document.add("year", Node::number(std::to_string(a.scale.year)));
  document.add("currency", Node::string(std::string(a.total.currency().code())));
  document.add("total", Node::number(a.total.plain()));
  Node& basis = document.add("basis", Node::mapping());
  basis.add("scale", Node::string(a.scale.scale_id));
  basis.add("parties_on", Node::string(a.scale.parties_on.iso()));
  if (a.minimum) {
    basis.add("minimum_contribution", Node::number(a.minimum->plain()));
  }
  basis.add("rounding", Node::string("largest remainder to the cent; ties to the larger rate, then the ISO code"));
  Node& list = document.add("assessments", Node::sequence());

  io::Table table;
  table.title = fmt::format("{} {} ({} {})", util::pick(lang, "Assessed contributions", "Contributions mises en recouvrement"),
                            a.scale.year, a.scale.treaty, a.total.currency().code());
  table.columns = {Column{util::pick(lang, "State", "État"), ColumnType::text},
                   Column{util::pick(lang, "Name", "Nom"), ColumnType::text},
                   Column{util::pick(lang, "Rate %", "Taux %"), ColumnType::rate},
                   Column{util::pick(lang, "Amount", "Montant"), ColumnType::money}};
  for (std::size_t i = 0; i < a.assessments.size(); ++i) {
    const auto& item = a.assessments[i];
    const auto& state = states[item.state];
    const std::string rate = format_percent(a.scale.entries[i].share);
    Node record = Node::mapping();
    record.add("state", Node::string(state.code));
    record.add("rate", Node::number(rate));
    record.add("amount", Node::number(item.amount.plain()));
    list.push(std::move(record));
    table.rows.push_back(io::Row{{state.code, state.name(lang), rate, item.amount.plain()}, false});
  }
  table.rows.push_back(io::Row{{util::pick(lang, "Total", "Total"), "", format_percent(1), a.total.plain()}, true});
  return io::Output{{std::move(document)}, {std::move(table)}};
}

} // namespace isukit::assess
