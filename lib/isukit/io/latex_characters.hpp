// Which characters a standalone LaTeX document can hold: those pdflatex sets with the preamble
// render_latex writes (T1 and TS1 font encodings, Latin Modern, utf8 input).
#pragma once

#include <string_view>

namespace isukit::io {

/// Whether pdflatex, with `\usepackage[T1]{fontenc}`, `\usepackage{lmodern}` and
/// `\usepackage[utf8]{inputenc}` (TeX Live 2022, Debian 12), sets the code point `c`: ASCII,
/// Latin-1, most of Latin Extended-A and B, Latin punctuation and some symbols. Not Cyrillic,
/// Greek, Arabic, CJK, Vietnamese's stacked accents or combining marks. The table was measured
/// by scripts/probe-pdflatex-characters (each code point utf8 inputenc declares, set in a
/// document, kept where pdflatex reports no error and no missing glyph).
bool pdflatex_sets(char32_t c);

/// Fails (bad data, 65) on the first character of the UTF-8 `document` that pdflatex cannot
/// set (pdflatex_sets), naming it, its code point and the line it is on, and what to use
/// instead: an HTML or Markdown output, or the tables alone in a document for xelatex or
/// lualatex. Used for --standalone, the promise that the document compiles with pdflatex.
void require_pdflatex_characters(std::string_view document);

} // namespace isukit::io
