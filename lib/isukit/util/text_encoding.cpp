#include <isukit/util/error.hpp>
#include <isukit/util/text_encoding.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <iconv.h>

namespace isukit::util {

namespace {

/// The 1-based line of byte `offset` of UTF-8 or 8-bit text: a line feed, a CR LF and a lone CR
/// each end a line, as the YAML and CSV readers count them (a CR last in `text` counts once the
/// byte after it is known).
int line_at(std::string_view text, std::size_t offset) {
  int line = 1;
  for (std::size_t at = 0; at < offset; ++at) {
    const bool lone_cr = text[at] == '\r' && at + 1 < text.size() && text[at + 1] != '\n';
    line += text[at] == '\n' || lone_cr ? 1 : 0;
  }
  return line;
}

struct EncodingName {
  std::string_view name;
  Encoding encoding;
  const char *iconv_name;
};

constexpr EncodingName encodings[] = {
    {"utf-8", Encoding::utf8, "UTF-8"},
    {"utf-16", Encoding::utf16, "UTF-16"},
    {"utf-16le", Encoding::utf16le, "UTF-16LE"},
    {"utf-16be", Encoding::utf16be, "UTF-16BE"},
    {"windows-1252", Encoding::windows1252, "WINDOWS-1252"},
    {"iso-8859-1", Encoding::latin1, "ISO-8859-1"},
    {"cp1252", Encoding::windows1252, "WINDOWS-1252"},
    {"latin1", Encoding::latin1, "ISO-8859-1"},
};

const EncodingName &entry_of(Encoding encoding) {
  return *std::find_if(std::begin(encodings), std::end(encodings),
                       [&](const EncodingName &e) { return e.encoding == encoding; });
}

/// A closed iconv handle whatever happens to the conversion.
class Converter {
public:
  explicit Converter(const char *from) : m_handle(iconv_open("UTF-8", from)) {
    // POSIX says iconv_open fails with (iconv_t)-1: the cast is its interface, not ours.
    if (m_handle == reinterpret_cast<iconv_t>(-1)) { // NOLINT(performance-no-int-to-ptr)
      throw Error(ExitCode::software, fmt::format("iconv cannot convert from {}", from));
    }
  }
  ~Converter() { iconv_close(m_handle); }
  Converter(const Converter &) = delete;
  Converter &operator=(const Converter &) = delete;

  /// Converts all of `in`; returns the offset of the first bad byte, or nullopt.
  std::optional<std::size_t> convert(std::string_view in, std::string &out) {
    char *source = const_cast<char *>(in.data()); // iconv's signature; it does not write
    std::size_t left = in.size();
    std::string buffer(4096, '\0');
    while (left > 0) {
      char *target = buffer.data();
      std::size_t room = buffer.size();
      const std::size_t done = iconv(m_handle, &source, &left, &target, &room);
      out.append(buffer.data(), buffer.size() - room);
      if (done == static_cast<std::size_t>(-1) && errno != E2BIG) {
        return in.size() - left; // EILSEQ or an incomplete sequence at the end (EINVAL)
      }
    }
    return std::nullopt;
  }

private:
  iconv_t m_handle;
};

/// What a byte that is not UTF-8 suggests the file really is.
std::string hint_for_utf8(std::string_view bytes) {
  if (byte_order_mark(bytes).substr(0, 6) == "UTF-16") {
    return fmt::format(" (the file starts with a {} byte-order mark: set 'encoding: utf-16')",
                       byte_order_mark(bytes));
  }
  return " (is the file in Windows-1252 or ISO-8859-1? then say so in the rules' 'encoding')";
}

/// The length of the UTF-8 sequence at `at` (1-4), or 0 when it is not one (overlong forms,
/// surrogates and code points past U+10FFFF included, as RFC 3629 says).
std::size_t utf8_sequence_length(std::string_view bytes, std::size_t at) {
  const auto byte = [&](std::size_t i) {
    return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0u;
  };
  const unsigned lead = byte(at);
  const auto continues = [&](std::size_t i, unsigned low = 0x80, unsigned high = 0xBF) {
    return byte(at + i) >= low && byte(at + i) <= high;
  };
  if (lead < 0x80) {
    return 1;
  }
  if (lead >= 0xC2 && lead <= 0xDF) {
    return continues(1) ? 2 : 0;
  }
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned low = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned high = lead == 0xED ? 0x9F : 0xBF;
    return continues(1, low, high) && continues(2) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned low = lead == 0xF0 ? 0x90 : 0x80;
    const unsigned high = lead == 0xF4 ? 0x8F : 0xBF;
    return continues(1, low, high) && continues(2) && continues(3) ? 4 : 0;
  }
  return 0;
}

/// True at a C1 control character (U+0080 to U+009F, UTF-8 C2 80 to C2 9F): ISO-8859-1's
/// bytes 0x80-0x9F, which Windows-1252 uses for letters and punctuation (€ ’ “ ” –).
bool is_c1_control(std::string_view bytes, std::size_t at) {
  return static_cast<unsigned char>(bytes[at]) == 0xC2 && at + 1 < bytes.size() &&
         static_cast<unsigned char>(bytes[at + 1]) < 0xA0;
}

/// True at the UTF-8 sequence of a bidirectional control (is_bidi_control): E2 80 AA to E2 80 AE
/// and E2 81 A6 to E2 81 A9.
bool is_bidi_control_at(std::string_view bytes, std::size_t at) {
  if (static_cast<unsigned char>(bytes[at]) != 0xE2 || at + 2 >= bytes.size()) {
    return false;
  }
  std::size_t next = at;
  return is_bidi_control(next_code_point(bytes, next));
}

/// What byte 0x80-0x9F is in Windows-1252 (UTF-8), or empty where it is undefined there.
std::string windows1252_character(unsigned char byte) {
  std::string out;
  Converter converter("WINDOWS-1252");
  const char text[1] = {static_cast<char>(byte)};
  return converter.convert(std::string_view(text, 1), out) ? std::string() : out;
}

/// Why C1 control character `byte` (U+0080 to U+009F) is not text, and where it usually comes
/// from: Windows-1252 text read as ISO-8859-1, naming the character the byte is there and
/// `remedy` ("convert it from Windows-1252"); a byte Windows-1252 leaves undefined is removed.
std::string c1_reason(unsigned char byte, std::string_view remedy) {
  const std::string character = windows1252_character(byte);
  return fmt::format("control character U+{:04X} is not text (only tab and line ends are){}", byte,
                     character.empty()
                         ? std::string(": remove it")
                         : fmt::format(": was Windows-1252 text (where byte 0x{:02X} is '{}') "
                                       "read as ISO-8859-1? {}",
                                       byte, character, remedy));
}

} // namespace

char32_t next_code_point(std::string_view bytes, std::size_t &at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  const char32_t lead = byte(at);
  const std::size_t length = lead < 0x80 ? 1 : utf8_sequence_length(bytes, at);
  if (length <= 1) {
    ++at;
    return lead;
  }
  char32_t code = lead & (0x7Fu >> length);
  for (std::size_t i = 1; i < length; ++i) {
    code = (code << 6) | (byte(at + i) & 0x3Fu);
  }
  at += length;
  return code;
}

std::size_t find_non_utf8(std::string_view bytes) {
  for (std::size_t at = 0; at < bytes.size();) {
    const auto byte = static_cast<unsigned char>(bytes[at]);
    if ((byte >= 0x20 && byte < 0x7F) || byte == '\n' || byte == '\t' || byte == '\r') {
      ++at; // printable ASCII and line ends, the common case
      continue;
    }
    const std::size_t length = byte < 0x80 ? 0 : utf8_sequence_length(bytes, at);
    if (length == 0 || is_c1_control(bytes, at) || (length == 3 && is_bidi_control_at(bytes, at))) {
      return at;
    }
    at += length;
  }
  return std::string_view::npos;
}

bool is_bidi_control(char32_t code) {
  return (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069);
}

std::string bidi_control_reason(char32_t code) {
  static constexpr std::string_view names[] = {
      "LEFT-TO-RIGHT EMBEDDING", "RIGHT-TO-LEFT EMBEDDING", "POP DIRECTIONAL FORMATTING",
      "LEFT-TO-RIGHT OVERRIDE",  "RIGHT-TO-LEFT OVERRIDE",  "LEFT-TO-RIGHT ISOLATE",
      "RIGHT-TO-LEFT ISOLATE",   "FIRST STRONG ISOLATE",    "POP DIRECTIONAL ISOLATE"};
  const std::size_t index = code <= 0x202E ? code - 0x202A : code - 0x2066 + 5;
  return fmt::format("bidirectional control character U+{:04X} ({}) is not accepted: invisible, "
                     "it reorders how the text around it is shown, so a letter could read "
                     "otherwise than its data; remove it (the marks U+200E and U+200F are "
                     "accepted)",
                     static_cast<std::uint32_t>(code), names[index]);
}

std::string non_utf8_reason(std::string_view bytes, std::size_t at) {
  if (bytes[at] == '\0') {
    return "a NUL byte: the file is not UTF-8 text (is it UTF-16? save it as UTF-8)";
  }
  if (static_cast<unsigned char>(bytes[at]) < 0x80) {
    return fmt::format(
        "control character U+{:04X} is not text (only tab and line ends are): remove it",
        static_cast<unsigned char>(bytes[at]));
  }
  if (is_c1_control(bytes, at)) {
    std::size_t next = at;
    return c1_reason(static_cast<unsigned char>(next_code_point(bytes, next)),
                     "convert it from Windows-1252");
  }
  if (is_bidi_control_at(bytes, at)) {
    std::size_t next = at;
    return bidi_control_reason(next_code_point(bytes, next));
  }
  return fmt::format("byte 0x{:02X} is not UTF-8 text{}", static_cast<unsigned char>(bytes[at]),
                     byte_order_mark(bytes).substr(0, 6) == "UTF-16"
                         ? " (the file is UTF-16: save it as UTF-8)"
                         : " (is the file in Windows-1252 or ISO-8859-1? convert it: iconv -f "
                           "WINDOWS-1252 -t UTF-8)");
}

void require_utf8(std::string_view bytes, const std::string &file) {
  const std::size_t bad = find_non_utf8(bytes);
  if (bad == std::string_view::npos) {
    return;
  }
  // Lines end at LF, CR LF and a lone CR, as the YAML and CSV readers count them.
  const std::string_view before = bytes.substr(0, bad);
  const std::size_t last_break = before.find_last_of("\r\n");
  const std::size_t line_start = last_break == std::string_view::npos ? 0 : last_break + 1;
  int column = 1; // in characters: a UTF-8 sequence is one
  for (std::size_t at = line_start; at < bad; ++at) {
    column += (static_cast<unsigned char>(bytes[at]) & 0xC0) != 0x80 ? 1 : 0;
  }
  if (line_start == 0 && byte_order_mark(bytes) == "UTF-8") {
    column -= 1;
  }
  fail_data(Position{file, line_at(bytes, bad), column}, non_utf8_reason(bytes, bad));
}

std::optional<Encoding> parse_encoding(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  for (const auto &e : encodings) {
    if (e.name == lower) {
      return e.encoding;
    }
  }
  return std::nullopt;
}

std::string_view encoding_name(Encoding encoding) {
  return entry_of(encoding).name;
}

std::string_view byte_order_mark(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    return "UTF-8";
  }
  if (bytes.substr(0, 2) == "\xFF\xFE") {
    return "UTF-16LE";
  }
  if (bytes.substr(0, 2) == "\xFE\xFF") {
    return "UTF-16BE";
  }
  return {};
}

namespace {

bool is_utf16(Encoding encoding) {
  return encoding == Encoding::utf16 || encoding == Encoding::utf16le ||
         encoding == Encoding::utf16be;
}

/// A byte-order mark that contradicts the encoding the rules name is a data error at 1:1.
void require_mark_agrees(std::string_view bytes, Encoding encoding, const std::string &file) {
  const std::string_view bom = byte_order_mark(bytes);
  const bool single_byte = encoding == Encoding::windows1252 || encoding == Encoding::latin1;
  if (!bom.empty() && (single_byte || (bom == "UTF-8") == is_utf16(encoding))) {
    fail_data(Position{file, 1, 1},
              fmt::format("the file starts with a {} byte-order mark, but the rules say "
                          "'encoding: {}' (say '{}')",
                          bom, encoding_name(encoding), bom == "UTF-8" ? "utf-8" : "utf-16"));
  }
}

/// NUL bytes are UTF-16's, never an 8-bit encoding's text: a data error on the first one's line.
void require_no_nul(std::string_view bytes, Encoding encoding, const std::string &file) {
  const auto at = bytes.find('\0');
  if (is_utf16(encoding) || at == std::string_view::npos) {
    return;
  }
  fail_data(Position{file, line_at(bytes, at), 0},
            fmt::format("the file holds NUL bytes, which {} text never does: is it UTF-16 (say "
                        "'encoding: utf-16le' or 'utf-16be')?",
                        encoding_name(encoding)));
}

/// The encoding the start of a file seems to be in when it is read as UTF-16 without a
/// byte-order mark: ASCII text, which headers are, has a zero byte in every UTF-16 code unit,
/// first in big-endian, second in little-endian ("UTF-16BE", "UTF-16LE"); a first line with no
/// zero byte at all that is UTF-8 is UTF-8 (or ASCII). Empty when the bytes do not say.
std::string_view apparent_encoding(std::string_view bytes) {
  const std::string_view sample = bytes.substr(0, std::min<std::size_t>(bytes.size(), 512) & ~1u);
  std::size_t zeros[2] = {0, 0}; // at even and odd offsets
  for (std::size_t at = 0; at < sample.size(); ++at) {
    zeros[at % 2] += sample[at] == '\0' ? 1 : 0;
  }
  const std::size_t units = sample.size() / 2;
  if (zeros[0] == 0 && zeros[1] == 0) {
    const std::size_t end = bytes.substr(0, 512).find('\n');
    const bool utf8 = end != std::string_view::npos &&
                      find_non_utf8(bytes.substr(0, end)) == std::string_view::npos;
    return utf8 ? "UTF-8" : "";
  }
  if (zeros[1] == 0 && zeros[0] * 4 >= units) {
    return "UTF-16BE";
  }
  return zeros[0] == 0 && zeros[1] * 4 >= units ? "UTF-16LE" : "";
}

/// A UTF-16 file without a byte-order mark is read in the byte order the rules name (big-endian
/// for plain utf-16, as Unicode and RFC 2781 say); one whose bytes show another encoding is a
/// data error at line 1 naming it, rather than a header of CJK characters that fits nothing.
const char *utf16_without_mark(std::string_view bytes, Encoding encoding, const std::string &file) {
  const char *name = encoding == Encoding::utf16le ? "UTF-16LE" : "UTF-16BE";
  const std::string_view seems = apparent_encoding(bytes);
  if (seems.empty() || seems == name) {
    return name;
  }
  const char *say = seems == "UTF-8" ? "utf-8" : seems == "UTF-16LE" ? "utf-16le" : "utf-16be";
  fail_data(
      Position{file, 1, 0},
      encoding == Encoding::utf16
          ? fmt::format("the file has no byte-order mark, so 'encoding: utf-16' reads it as "
                        "UTF-16BE, but it seems to be {}: say 'encoding: {}'",
                        seems, say)
          : fmt::format("the file seems to be {}, not {}: say 'encoding: {}'", seems, name, say));
}

/// A file whose bytes above 0x7F all form UTF-8 sequences is UTF-8: read as Windows-1252 or
/// ISO-8859-1 it would become mojibake ('GrÃ¨ce') that goes into payers and references. A data
/// error at the first sequence's line naming it.
void require_not_utf8(std::string_view bytes, Encoding encoding, const std::string &file) {
  if (encoding != Encoding::windows1252 && encoding != Encoding::latin1) {
    return;
  }
  const auto high = std::find_if(bytes.begin(), bytes.end(),
                                 [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  if (high == bytes.end() || find_non_utf8(bytes) != std::string_view::npos) {
    return;
  }
  const auto at = static_cast<std::size_t>(high - bytes.begin());
  const std::string_view sequence = bytes.substr(at, utf8_sequence_length(bytes, at));
  std::string hex;
  for (const char c : sequence) {
    hex += fmt::format("{}0x{:02X}", hex.empty() ? "" : " ", static_cast<unsigned char>(c));
  }
  fail_data(Position{file, line_at(bytes, at), 0},
            fmt::format("the file seems to be UTF-8, not {}: its bytes {} are '{}' in UTF-8 (say "
                        "'encoding: utf-8')",
                        encoding_name(encoding), hex, sequence));
}

/// ISO-8859-1's bytes 0x80-0x9F are C1 control characters, never text; Windows-1252 exports
/// read as ISO-8859-1 hold them where the text has € ’ “ ” –: a data error at the first one's
/// line, c1_reason's as for a C1 character in UTF-8.
void require_no_c1(std::string_view bytes, Encoding encoding, const std::string &file) {
  if (encoding != Encoding::latin1) {
    return;
  }
  const auto at = std::find_if(bytes.begin(), bytes.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 && static_cast<unsigned char>(c) <= 0x9F;
  });
  if (at != bytes.end()) {
    fail_data(Position{file, line_at(bytes, static_cast<std::size_t>(at - bytes.begin())), 0},
              c1_reason(static_cast<unsigned char>(*at), "say 'encoding: windows-1252'"));
  }
}

/// The name iconv converts from: plain utf-16 only with a byte-order mark, which iconv reads.
const char *iconv_name(std::string_view bytes, Encoding encoding, const std::string &file) {
  if (is_utf16(encoding) && byte_order_mark(bytes).empty()) {
    return utf16_without_mark(bytes, encoding, file);
  }
  return entry_of(encoding).iconv_name;
}

} // namespace

std::string to_utf8(std::string_view bytes, Encoding encoding, const std::string &file) {
  require_mark_agrees(bytes, encoding, file);
  require_no_nul(bytes, encoding, file);
  require_not_utf8(bytes, encoding, file);
  require_no_c1(bytes, encoding, file);
  std::string out;
  out.reserve(bytes.size());
  Converter converter(iconv_name(bytes, encoding, file));
  if (const auto bad = converter.convert(bytes, out)) {
    const int line = line_at(out, out.size());
    std::string message =
        fmt::format("byte 0x{:02X} is not {} text", static_cast<unsigned char>(bytes[*bad]),
                    encoding_name(encoding));
    if (encoding == Encoding::utf8) {
      message += hint_for_utf8(bytes);
    }
    fail_data(Position{file, line, 0}, message);
  }
  if (std::string_view(out).substr(0, 3) == "\xEF\xBB\xBF") {
    out.erase(0, 3);
  }
  return out;
}

} // namespace isukit::util
