#include <isukit/util/error.hpp>

#include <fmt/format.h>

namespace isukit::util {

namespace {

std::string locate(const Position& position, const std::string& message) {
  if (position.file.empty()) {
    return message;
  }
  if (position.line <= 0) {
    return fmt::format("{}: {}", position.file, message);
  }
  return fmt::format("{}:{}:{}: {}", position.file, position.line, position.column, message);
}

} // namespace

Error::Error(ExitCode code, Position position, std::string message)
    : std::runtime_error(locate(position, message)), m_code(code), m_position(std::move(position)),
      m_message(std::move(message)) {}

Error::Error(ExitCode code, std::string message) : Error(code, Position{}, std::move(message)) {}

std::string Error::located_message() const { return what(); }

void fail_data(const Position& position, std::string message) {
  throw Error(ExitCode::data, position, std::move(message));
}

} // namespace isukit::util
