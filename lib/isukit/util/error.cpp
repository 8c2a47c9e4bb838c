#include <isukit/util/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <iostream>

namespace isukit::util {

namespace {

std::string &note_prefix() {
  static std::string prefix = "isukit";
  return prefix;
}

std::string locate(const Position &position, const std::string &message) {
  if (position.file.empty()) {
    return message;
  }
  if (position.line <= 0) {
    return fmt::format("{}: {}", position.file, message);
  }
  if (position.column <= 0) { // a whole line: a CSV row, a statement entry
    return fmt::format("{}:{}: {}", position.file, position.line, message);
  }
  return fmt::format("{}:{}:{}: {}", position.file, position.line, position.column, message);
}

} // namespace

Error::Error(ExitCode code, Position position, std::string message)
    : std::runtime_error(locate(position, message)), m_code(code), m_position(std::move(position)),
      m_message(std::move(message)) {}

Error::Error(ExitCode code, std::string message) : Error(code, Position{}, std::move(message)) {}

std::string Error::located_message() const {
  return what();
}

void Diagnostics::add(const Error &error) {
  add(error, m_errors.empty() ? 0 : m_errors.back().first); // after the last: it is the greatest
}

void Diagnostics::add(const Error &error, std::uint64_t order) {
  ++m_count;
  const auto after = std::upper_bound(
      m_errors.begin(), m_errors.end(), order,
      [](std::uint64_t wanted, const auto &recorded) { return wanted < recorded.first; });
  if (after == m_errors.end() && m_errors.size() == limit) {
    return; // no error kept comes after it
  }
  m_errors.emplace(after, order, error);
  if (m_errors.size() > limit) {
    m_errors.pop_back();
  }
}

void Diagnostics::throw_if_any() const {
  if (m_errors.empty()) {
    return;
  }
  Error first = m_errors.front().second;
  for (std::size_t i = 1; i < m_errors.size(); ++i) {
    const Error &error = m_errors[i].second;
    first.add_also(error.located_message());
    for (const std::string &also : error.also()) { // an error that gathers others (a camt's)
      first.add_also(also);
    }
  }
  if (m_count > m_errors.size()) {
    first.add_also(fmt::format("... and {} more errors", m_count - m_errors.size()));
  }
  throw first;
}

void fail_data(const Position &position, std::string message) {
  throw Error(ExitCode::data, position, std::move(message));
}

namespace {

int &quiet_notes() {
  static int depth = 0;
  return depth;
}

} // namespace

QuietNotes::QuietNotes() {
  ++quiet_notes();
}
QuietNotes::~QuietNotes() {
  --quiet_notes();
}

void note(const Position &position, const std::string &message) {
  if (quiet_notes() > 0) {
    return;
  }
  std::cerr << note_prefix() << ": " << locate(position, "note: " + message) << '\n';
}

void set_note_prefix(std::string tool) {
  note_prefix() = std::move(tool);
}

} // namespace isukit::util
