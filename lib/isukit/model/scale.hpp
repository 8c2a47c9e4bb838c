// A scale of assessments: a rate in per cent for each UN Member State over a period.
#pragma once

#include <isukit/model/states.hpp>
#include <isukit/util/decimal.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isukit::model {

class Scale {
public:
  /// Reads a `scale` document and checks it: every code known, every UN member exactly once,
  /// no non-member among the rates, and the rates adding up to exactly 100.
  static Scale from_document(const io::Node &root, const StateTable &states);

  /// The years a scale covers.
  struct Period {
    int first = 0;
    int last = 0;
    bool covers(int year) const { return year >= first && year <= last; }
  };
  /// The `period` of a `scale` document, read without its rates. Errors: a period that ends
  /// before it starts, a missing or malformed year (at the value).
  static Period period_of(const io::Node &root);

  const std::string &id() const { return m_id; }
  int first_year() const { return m_period.first; }
  int last_year() const { return m_period.last; }
  bool covers(int year) const { return m_period.covers(year); }

  /// The state's rate in per cent, if it is on the scale.
  std::optional<util::Rational> rate(StateId state) const;
  /// A non-member's notional rate in per cent (the basis of its flat fee), if the scale sets one.
  std::optional<util::Rational> notional_rate(StateId state) const;
  /// The rate as printed ("22.000"), for output.
  const std::string &rate_text(StateId state) const;
  std::size_t member_count() const { return m_member_count; }
  /// The resolution and documents the rates were taken from (the file's `source`, `as_of`).
  const io::Source &source() const { return m_source; }

private:
  /// `rates`: one positive rate per UN Member State, adding up to 100.
  void read_member_rates(const io::Node &rates, const StateTable &states);
  /// `non_member_rates`: the notional rates of states that are not UN members.
  void read_non_member_rates(const io::Node &rates, const StateTable &states);
  /// One record's `rate` for state `id`: positive, and the state's only rate in either list.
  /// Errors (at the value): a second rate for the state, a rate <= 0.
  util::Rational read_rate(const io::Node &record, StateId id, const StateTable &states);

  std::string m_id;
  Period m_period;
  std::vector<std::optional<util::Rational>> m_rates;    // by StateId
  std::vector<std::optional<util::Rational>> m_notional; // by StateId
  std::vector<std::string> m_texts;                      // by StateId
  std::size_t m_member_count = 0;
  io::Source m_source;
};

} // namespace isukit::model
