// The one error type of isukit: what went wrong, where, and which exit status it maps to.
#pragma once

#include <stdexcept>
#include <string>

namespace isukit::util {

/// Exit statuses, after sysexits(3). `found` is the "check found something" status of the
/// check subcommands (budget check, assess arrears, ...), so that shells can test it.
enum class ExitCode : int {
  ok = 0,
  found = 1,
  usage = 64,
  data = 65,
  no_input = 66,
  software = 70,
  cannot_create = 73,
  io = 74,
};

/// Where a value came from: a file name and a 1-based line and column. A zero line means
/// "the whole file" (or no file at all when `file` is empty).
struct Position {
  std::string file;
  int line = 0;
  int column = 0;
};

/// Thrown where the location is known, caught once in each tool's main.
class Error : public std::runtime_error {
public:
  Error(ExitCode code, Position position, std::string message);
  Error(ExitCode code, std::string message);

  ExitCode code() const { return m_code; }
  const Position& position() const { return m_position; }
  const std::string& message() const { return m_message; }

  /// `file:line:col: message`, or less where the position is partial.
  std::string located_message() const;

private:
  ExitCode m_code;
  Position m_position;
  std::string m_message;
};

/// A bad-data error (exit 65) at a position: the common case in readers and models.
[[noreturn]] void fail_data(const Position& position, std::string message);

} // namespace isukit::util
