#include <isukit/model/cost_sharing.hpp>
#include <isukit/model/treaty.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace isukit::model {

using io::Node;
using util::Rational;

std::string_view method_name(RoundingRule::Method method) {
  return method == RoundingRule::Method::each_half_up ? "each_half_up" : "largest_remainder";
}

std::int64_t RoundingRule::unit_minor(const util::Currency &currency) const {
  if (!unit) {
    return 1;
  }
  Rational scaled = *unit;
  for (int digit = 0; digit < currency.minor_digits(); ++digit) {
    scaled *= 10;
  }
  if (boost::multiprecision::denominator(scaled) != 1 ||
      scaled > Rational(util::Integer(1) << 53)) {
    throw util::Error(util::ExitCode::data,
                      fmt::format("the rounding unit {} is not a whole number of {} minor units",
                                  unit_text, currency.code()));
  }
  return boost::multiprecision::numerator(scaled).convert_to<std::int64_t>();
}

int RoundingRule::places(const util::Currency &currency) const {
  std::int64_t step = unit_minor(currency);
  int places = currency.minor_digits();
  while (places > 0 && step % 10 == 0) {
    step /= 10;
    --places;
  }
  return places;
}

std::string CostSharing::pinned_scale(int year) const {
  const auto pinned = scale_for_years.find(year);
  return pinned == scale_for_years.end() ? std::string() : pinned->second;
}

std::optional<Rational> CostSharing::fixed_share(const std::string &code) const {
  const auto share = fixed_shares.find(code);
  return share == fixed_shares.end() ? std::nullopt : std::optional<Rational>(share->second);
}

namespace {

/// A rate in per cent: none when absent, null or `none`.
std::optional<Rational> optional_rate(const Node &record, std::string_view key) {
  const Node *value = record.find(key);
  if (!value || value->is_null() || (value->is_scalar() && value->text() == "none")) {
    return std::nullopt;
  }
  const Rational rate = value->as_decimal();
  if (rate < 0 || rate > 100) {
    value->fail(fmt::format("expected a rate in per cent from 0 to 100, got '{}'", value->text()));
  }
  return rate;
}

RoundingRule parse_rounding(const Node &node, const util::Currency &currency) {
  RoundingRule rule;
  if (const Node *method = node.find("method")) {
    if (method->as_text() == "each_half_up") {
      rule.method = RoundingRule::Method::each_half_up;
    } else if (method->text() != "largest_remainder") {
      method->fail(
          fmt::format("unknown rounding method '{}' (expected largest_remainder or each_half_up)",
                      method->text()));
    }
  }
  if (const Node *unit = node.find("unit")) {
    rule.unit = unit->as_decimal();
    rule.unit_text = unit->text();
    if (*rule.unit <= 0) {
      unit->fail(fmt::format("a rounding unit must be positive, got '{}'", unit->text()));
    }
    try {
      rule.unit_minor(currency);
    } catch (const util::Error &error) {
      unit->fail(error.message());
    }
  }
  return rule;
}

std::map<int, std::string> parse_pinned_scales(const Node &node,
                                               const std::vector<std::string> &scales) {
  std::map<int, std::string> pinned;
  for (const auto &entry : node.as_mapping().entries()) {
    const auto year = util::parse_decimal(entry.key);
    if (!year || boost::multiprecision::denominator(*year) != 1 || *year < 1945 || *year > 9999) {
      util::fail_data(entry.key_mark.position(),
                      fmt::format("expected a year, got '{}'", entry.key));
    }
    const std::string &id = entry.value.as_text();
    if (std::find(scales.begin(), scales.end(), id) == scales.end()) {
      entry.value.fail(fmt::format("scale '{}' is not among the fund's scales ({})", id,
                                   fmt::join(scales, ", ")));
    }
    pinned.emplace(boost::multiprecision::numerator(*year).convert_to<int>(), id);
  }
  return pinned;
}

std::map<std::string, Rational> parse_fixed_shares(const Node &node, const Treaty &treaty,
                                                   const StateTable &states) {
  std::map<std::string, Rational> shares;
  Rational total = 0;
  for (const auto &entry : node.as_mapping().entries()) {
    const bool is_party =
        std::any_of(treaty.parties().begin(), treaty.parties().end(), [&](const Party &party) {
          return treaty.party_code(party, states) == entry.key;
        });
    if (!is_party) {
      util::fail_data(entry.key_mark.position(),
                      fmt::format("'{}' has a fixed share but is not a party", entry.key));
    }
    const Rational share = *optional_rate(node, entry.key);
    total += share;
    shares.emplace(entry.key, share);
  }
  if (total >= 100) {
    node.fail(fmt::format("the fixed shares add up to {} per cent, leaving nothing to share",
                          util::format_decimal(total, 3)));
  }
  return shares;
}

/// Every party needs a rate: a fixed share, else (a state) a UN rate or the fund's rate for
/// states without one.
void check_every_party_payable(const Node &sharing, const CostSharing &c, const Treaty &treaty,
                               const StateTable &states) {
  for (const auto &party : treaty.parties()) {
    const std::string &code = treaty.party_code(party, states);
    if (c.fixed_shares.count(code)) {
      continue;
    }
    if (party.organization) {
      sharing.fail(fmt::format(
          "organization '{}' has no UN rate: cost_sharing needs a fixed share for it", code));
    }
    if (!c.has_without_un_rate && !states[party.state].un_member) {
      sharing.fail(
          fmt::format("party '{}' has no UN rate: cost_sharing needs without_un_rate", code));
    }
  }
}

/// Whose parties pay: required when the file lists instruments, none for a fund without them.
std::string paying_instrument(const Node &sharing, const Treaty &treaty) {
  const Node *instrument = sharing.find("instrument");
  if (!instrument) {
    if (!treaty.instruments().empty()) {
      sharing.fail("missing required field 'instrument' (whose parties pay)");
    }
    return {};
  }
  if (!treaty.find_instrument(instrument->as_text())) {
    instrument->fail(fmt::format("unknown instrument '{}'", instrument->text()));
  }
  return instrument->text();
}

} // namespace

CostSharing parse_cost_sharing(const Node &sharing, const Treaty &treaty,
                               const StateTable &states) {
  CostSharing c;
  c.instrument = paying_instrument(sharing, treaty);
  if (const Node *on = sharing.find("parties_on"); on && on->as_text() != "year_start") {
    on->fail(fmt::format("unknown parties_on '{}' (expected year_start)", on->text()));
  }
  for (const auto &scale : sharing.at("scales").as_sequence()) {
    c.scales.push_back(scale.as_text());
  }
  if (const Node *pinned = sharing.find("scale_for_years")) {
    c.scale_for_years = parse_pinned_scales(*pinned, c.scales);
  }
  if (const Node *fixed = sharing.find("fixed_shares")) {
    c.fixed_shares = parse_fixed_shares(*fixed, treaty, states);
  }
  c.min_un_rate = optional_rate(sharing, "min_un_rate");
  if (const Node *without = sharing.find("without_un_rate")) {
    c.without_un_rate = without->as_decimal();
    c.has_without_un_rate = true;
  }
  c.ceiling = optional_rate(sharing, "ceiling");
  c.floor = optional_rate(sharing, "floor");
  c.ldc_ceiling = optional_rate(sharing, "ldc_ceiling");
  if (const Node *minimum = sharing.find("minimum_contribution")) {
    c.minimum_contribution = minimum->as_money(treaty.currency());
  }
  if (const Node *rounding = sharing.find("rounding")) {
    c.rounding = parse_rounding(*rounding, treaty.currency());
  }
  check_every_party_payable(sharing, c, treaty, states);
  return c;
}

} // namespace isukit::model
