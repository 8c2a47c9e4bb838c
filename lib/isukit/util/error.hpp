// The one error type of isukit: what went wrong, where, and which exit status it maps to.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

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

/// Where a value came from: a file name and a 1-based line and column. A zero column means
/// "the whole line", a zero line "the whole file" (or no file at all when `file` is empty).
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
  const Position &position() const { return m_position; }
  const std::string &message() const { return m_message; }

  /// `file:line:col: message`, or less where the position is partial.
  std::string located_message() const;

  /// Further diagnostics of the same run (a reader that went on past a bad record), each
  /// already located; printed after this one.
  const std::vector<std::string> &also() const { return m_also; }
  void add_also(std::string located) { m_also.push_back(std::move(located)); }

private:
  ExitCode m_code;
  Position m_position;
  std::string m_message;
  std::vector<std::string> m_also;
};

/// Collects the errors of records a reader can skip, to report them all at the end, in the
/// order of what they are about: the `limit` (20) first of them, then the count of the others.
class Diagnostics {
public:
  /// Records an error after every error recorded so far.
  void add(const Error &error);
  /// Records an error at `order` (ascending; equal orders in the order recorded): for a check
  /// that finds errors after the reading, about things read before errors recorded already
  /// (a repeated payment, found by a second reading). Of all the errors, the `limit` of least
  /// order are kept; the others are only counted.
  void add(const Error &error, std::uint64_t order);
  /// Whether any error was recorded.
  bool any() const { return m_count != 0; }
  /// Throws the first error with the others attached (each followed by those it holds, also()),
  /// if there were any.
  void throw_if_any() const;

private:
  static constexpr std::size_t limit = 20;
  std::vector<std::pair<std::uint64_t, Error>> m_errors; // by order, at most `limit`
  std::size_t m_count = 0;
};

/// A bad-data error (exit 65) at a position: the common case in readers and models.
[[noreturn]] void fail_data(const Position &position, std::string message);

/// Tells the user something that does not stop the run (a file a directory does not
/// contribute, an input named twice): `tool: file: note: message` on stderr, never stdout.
void note(const Position &position, const std::string &message);
/// While one lives, notes are not written: a second reading of the same inputs (for an exact
/// check) would repeat the first reading's notes.
class QuietNotes {
public:
  QuietNotes();
  ~QuietNotes();
  QuietNotes(const QuietNotes &) = delete;
  QuietNotes &operator=(const QuietNotes &) = delete;
};

/// The `tool` of notes; run_tool sets it once.
void set_note_prefix(std::string tool);

} // namespace isukit::util
