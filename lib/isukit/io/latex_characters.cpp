#include <isukit/io/latex_characters.hpp>
#include <isukit/util/error.hpp>
#include <isukit/util/text_encoding.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <utility>

namespace isukit::io {

namespace {

// Code points above ASCII that pdflatex sets, as closed ranges, ascending: the output of
// scripts/probe-pdflatex-characters on TeX Live 2022 (Debian 12, texlive-latex-recommended and
// lmodern), 346 code points.
constexpr std::array<std::pair<char32_t, char32_t>, 67> settable{{
    {0x00A0, 0x0125}, {0x0128, 0x0137}, {0x0139, 0x013E}, {0x0141, 0x0148}, {0x014A, 0x0165},
    {0x0168, 0x017E}, {0x0192, 0x0192}, {0x01C4, 0x01D4}, {0x01E2, 0x01E3}, {0x01E6, 0x01EB},
    {0x01F0, 0x01F0}, {0x01F4, 0x01F5}, {0x0218, 0x021B}, {0x0232, 0x0233}, {0x0237, 0x0237},
    {0x02C6, 0x02C7}, {0x02D8, 0x02D9}, {0x02DB, 0x02DD}, {0x0E3F, 0x0E3F}, {0x1E02, 0x1E03},
    {0x1E0D, 0x1E0D}, {0x1E1E, 0x1E21}, {0x1E25, 0x1E25}, {0x1E30, 0x1E31}, {0x1E37, 0x1E37},
    {0x1E43, 0x1E43}, {0x1E45, 0x1E45}, {0x1E47, 0x1E47}, {0x1E5B, 0x1E5B}, {0x1E63, 0x1E63},
    {0x1E6D, 0x1E6D}, {0x1E8E, 0x1E91}, {0x1E9E, 0x1E9E}, {0x1EF2, 0x1EF3}, {0x200C, 0x200C},
    {0x2010, 0x2016}, {0x2018, 0x201A}, {0x201C, 0x201E}, {0x2020, 0x2022}, {0x2026, 0x2026},
    {0x2030, 0x2031}, {0x2039, 0x203B}, {0x203D, 0x203D}, {0x2044, 0x2044}, {0x204E, 0x204E},
    {0x2052, 0x2052}, {0x20A1, 0x20A1}, {0x20A4, 0x20A4}, {0x20A6, 0x20A6}, {0x20A9, 0x20A9},
    {0x20AB, 0x20AC}, {0x20B1, 0x20B1}, {0x2103, 0x2103}, {0x2116, 0x2117}, {0x211E, 0x211E},
    {0x2120, 0x2120}, {0x2122, 0x2122}, {0x2126, 0x2127}, {0x212E, 0x212E}, {0x2190, 0x2193},
    {0x2329, 0x232A}, {0x2422, 0x2423}, {0x25E6, 0x25E6}, {0x25EF, 0x25EF}, {0x266A, 0x266A},
    {0x27E8, 0x27E9}, {0xFB00, 0xFB06},
}};

} // namespace

bool pdflatex_sets(char32_t c) {
  if (c < 0x80) {
    return true;
  }
  const auto after =
      std::upper_bound(settable.begin(), settable.end(), c,
                       [](char32_t v, const auto &range) { return v < range.first; });
  return after != settable.begin() && c <= std::prev(after)->second;
}

void require_pdflatex_characters(std::string_view document) {
  for (std::size_t at = 0; at < document.size();) {
    const std::size_t start = at;
    const char32_t c = util::next_code_point(document, at);
    if (!pdflatex_sets(c)) {
      const std::size_t begin = document.rfind('\n', start) + 1; // npos + 1 is 0
      const std::size_t end = std::min(document.find('\n', start), document.size());
      throw util::Error(
          util::ExitCode::data,
          fmt::format("--format latex --standalone: pdflatex cannot set '{}' (U+{:04X}) in "
                      "'{}'; use --format html or markdown, or the tables alone (without "
                      "--standalone) in a document for xelatex or lualatex",
                      document.substr(start, at - start), static_cast<std::uint32_t>(c),
                      document.substr(begin, end - begin)));
    }
  }
}

} // namespace isukit::io
