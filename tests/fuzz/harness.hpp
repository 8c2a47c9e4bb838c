// What every libFuzzer harness shares: the shipped reference data, scratch files, and the
// invariants every error must keep. A harness that finds an invariant broken aborts, so that
// libFuzzer saves the input as a crash; any exception other than util::Error escapes it and
// does the same (the tools would report it as an internal error, exit 70).
#pragma once

#include <isukit/io/yaml_reader.hpp>
#include <isukit/model/reference.hpp>
#include <isukit/util/error.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fuzz {

/// Prints what broke and aborts.
[[noreturn]] void violated(const std::string &what);

inline void require(bool holds, const std::string &what) {
  if (!holds) {
    violated(what);
  }
}

/// The shipped data (data/ of the source tree), loaded once, with the parse cache off.
const isukit::model::Reference &reference();
/// A shipped language (DATA/i18n/CODE.yaml): "en", "fr"; aborts for another code.
isukit::util::Lang lang(const std::string &code);
/// Every shipped language, in code order.
std::vector<isukit::util::Lang> languages();
/// The shipped treaty DATA/treaties/ID.yaml, loaded once.
const isukit::model::Treaty &treaty(const std::string &id);

/// Every document of a YAML text read as `name`, whole (no record list streamed).
std::vector<isukit::io::Document> read_documents(std::string_view text, const std::string &name);

/// Writes `bytes` to the file `name` in this process's scratch directory; returns its path.
std::string scratch_file(std::string_view name, std::string_view bytes);

/// An error a reader threw for `input` read from `file`: a data error (exit 65) located in
/// `file`, at a line and column inside the input (at most one past the end of a line), unless
/// it is about the whole input (is_about_the_whole_input).
/// Lines end at LF, CRLF and a lone CR, as every reader counts them (YAML since io::read_yaml
/// reads a lone CR as a line end, as YAML 1.2 does).
void check_data_error(const isukit::util::Error &error, std::string_view input,
                      const std::string &file);

/// Whether the error is about what the inputs hold as a whole, which has no position: nothing at
/// all (exit 66: an empty file, a CSV without rows) or none of the kinds a computation needs
/// (exit 65, "nothing to compute from: ..."; model::require_kinds).
bool is_about_the_whole_input(const isukit::util::Error &error);

/// Runs `read`; an error it throws must pass check_data_error. True when it threw none.
template <typename Read>
bool read_or_reject(std::string_view input, const std::string &file, Read &&read) {
  try {
    read();
    return true;
  } catch (const isukit::util::Error &error) {
    check_data_error(error, input, file);
    return false;
  }
}

/// The fuzzer's bytes as text.
inline std::string_view text_of(const std::uint8_t *data, std::size_t size) {
  return {reinterpret_cast<const char *>(data), size};
}

} // namespace fuzz
