#include <isukit/util/error.hpp>
#include <isukit/util/text_encoding.hpp>

#include <fmt/format.h>

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>

namespace isukit::util {

namespace {

struct EncodingName {
  std::string_view name;
  Encoding encoding;
  const char* iconv_name;
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

const EncodingName& entry_of(Encoding encoding) {
  return *std::find_if(std::begin(encodings), std::end(encodings),
                       [&](const EncodingName& e) { return e.encoding == encoding; });
}

/// A closed iconv handle whatever happens to the conversion.
class Converter {
public:
  explicit Converter(const char* from) : m_handle(iconv_open("UTF-8", from)) {
    if (m_handle == reinterpret_cast<iconv_t>(-1)) {
      throw Error(ExitCode::software, fmt::format("iconv cannot convert from {}", from));
    }
  }
  ~Converter() { iconv_close(m_handle); }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;

  /// Converts all of `in`; returns the offset of the first bad byte, or nullopt.
  std::optional<std::size_t> convert(std::string_view in, std::string& out) {
    char* source = const_cast<char*>(in.data()); // iconv's signature; it does not write
    std::size_t left = in.size();
    std::string buffer(4096, '\0');
    while (left > 0) {
      char* target = buffer.data();
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
    return fmt::format(" (the file starts with a {} byte-order mark: set 'encoding: utf-16')", byte_order_mark(bytes));
  }
  return " (is the file in Windows-1252 or ISO-8859-1? then say so in the rules' 'encoding')";
}

} // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const auto& e : encodings) {
    if (e.name == lower) {
      return e.encoding;
    }
  }
  return std::nullopt;
}

std::string_view encoding_name(Encoding encoding) { return entry_of(encoding).name; }

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

std::string to_utf8(std::string_view bytes, Encoding encoding, const std::string& file) {
  const std::string_view bom = byte_order_mark(bytes);
  const bool single_byte = encoding == Encoding::windows1252 || encoding == Encoding::latin1;
  const bool utf16 = encoding == Encoding::utf16 || encoding == Encoding::utf16le || encoding == Encoding::utf16be;
  if (!bom.empty() && (single_byte || (bom == "UTF-8") == utf16)) {
    fail_data(Position{file, 1, 1}, fmt::format("the file starts with a {} byte-order mark, but the rules say "
                                                "'encoding: {}' (say '{}')", bom, encoding_name(encoding),
                                                bom == "UTF-8" ? "utf-8" : "utf-16"));
  }
  if (!utf16 && bytes.find('\0') != std::string_view::npos) {
    const auto at = bytes.find('\0');
    fail_data(Position{file, static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 1, 0},
              fmt::format("the file holds NUL bytes, which {} text never does: is it UTF-16 (say 'encoding: "
                          "utf-16le' or 'utf-16be')?", encoding_name(encoding)));
  }
  std::string out;
  out.reserve(bytes.size());
  Converter converter(entry_of(encoding).iconv_name);
  if (const auto bad = converter.convert(bytes, out)) {
    const int line = static_cast<int>(std::count(out.begin(), out.end(), '\n')) + 1;
    std::string message = fmt::format("byte 0x{:02X} is not {} text", static_cast<unsigned char>(bytes[*bad]),
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
