#include <isukit/util/error.hpp>

#include <fmt/format.h>

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
  if (m_errors.size() < limit) {
    m_errors.push_back(error);
  }
  ++m_count;
}

void Diagnostics::throw_if_any() const {
  if (m_errors.empty()) {
    return;
  }
  Error first = m_errors.front();
  for (std::size_t i = 1; i < m_errors.size(); ++i) {
    first.add_also(m_errors[i].located_message());
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
