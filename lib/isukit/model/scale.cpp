#include <isukit/model/scale.hpp>

#include <fmt/format.h>

namespace isukit::model {

Scale Scale::from_document(const io::Node &root, const StateTable &states) {
  Scale scale;
  scale.m_id = root.at("id").as_text();
  scale.m_source = io::Source::of(root, "source.scale");
  scale.m_period = period_of(root);
  scale.m_rates.resize(states.size());
  scale.m_notional.resize(states.size());
  scale.m_texts.resize(states.size());
  scale.read_member_rates(root.at("rates"), states);
  if (const io::Node *notional = root.find("non_member_rates")) {
    scale.read_non_member_rates(*notional, states);
  }
  return scale;
}

Scale::Period Scale::period_of(const io::Node &root) {
  const io::Node &period = root.at("period");
  const Period years{period.at("from").as_int(), period.at("to").as_int()};
  if (years.last < years.first) {
    period.fail("the period ends before it starts");
  }
  return years;
}

void Scale::read_member_rates(const io::Node &rates, const StateTable &states) {
  util::Rational total = 0;
  for (const auto &record : rates.as_sequence()) {
    const StateId id = states.require(record.at("state"));
    if (!states[id].un_member) {
      record.at("state").fail(fmt::format("'{}' is not a UN Member State; put its rate under "
                                          "non_member_rates",
                                          states[id].code));
    }
    const util::Rational rate = read_rate(record, id, states);
    m_rates[id] = rate;
    total += rate;
    ++m_member_count;
  }
  for (std::size_t id = 0; id < states.size(); ++id) {
    if (states[static_cast<StateId>(id)].un_member && !m_rates[id]) {
      rates.fail(
          fmt::format("UN Member State '{}' has no rate", states[static_cast<StateId>(id)].code));
    }
  }
  if (total != 100) {
    rates.fail(fmt::format("the rates add up to {}, not 100.000", util::format_decimal(total, 3)));
  }
}

void Scale::read_non_member_rates(const io::Node &rates, const StateTable &states) {
  for (const auto &record : rates.as_sequence()) {
    const StateId id = states.require(record.at("state"));
    if (states[id].un_member) {
      record.at("state").fail(fmt::format("'{}' is a UN Member State", states[id].code));
    }
    m_notional[id] = read_rate(record, id, states);
  }
}

util::Rational Scale::read_rate(const io::Node &record, StateId id, const StateTable &states) {
  // A state has one rate in the whole scale, member or notional: m_texts is filled for both.
  if (!m_texts[id].empty()) {
    record.at("state").fail(fmt::format("'{}' has two rates", states[id].code));
  }
  util::Rational rate = record.at("rate").as_decimal(); // not const: returned by move
  if (rate <= 0) {
    record.at("rate").fail("a rate must be positive");
  }
  m_texts[id] = record.at("rate").text();
  return rate;
}

std::optional<util::Rational> Scale::rate(StateId state) const {
  return m_rates[state];
}

std::optional<util::Rational> Scale::notional_rate(StateId state) const {
  return m_notional[state];
}

const std::string &Scale::rate_text(StateId state) const {
  return m_texts[state];
}

} // namespace isukit::model
