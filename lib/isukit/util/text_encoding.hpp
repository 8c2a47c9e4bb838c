// Text in the encodings banks and finance systems export (UTF-8, UTF-16, Windows-1252,
// ISO-8859-1), converted to the UTF-8 everything else in isukit reads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace isukit::util {

enum class Encoding { utf8, utf16, utf16le, utf16be, windows1252, latin1 };

/// `utf-8`, `utf-16`, `utf-16le`, `utf-16be`, `windows-1252`, `iso-8859-1` (case-insensitive;
/// `cp1252` and `latin1` are accepted too).
std::optional<Encoding> parse_encoding(std::string_view name);
/// The spelling parse_encoding documents first: "windows-1252".
std::string_view encoding_name(Encoding encoding);

/// The byte-order mark `bytes` starts with ("UTF-8", "UTF-16LE", "UTF-16BE"), or empty.
std::string_view byte_order_mark(std::string_view bytes);

/// Converts `bytes` in `encoding` to UTF-8 with glibc's iconv(3), without a byte-order mark
/// (one is allowed at the start in every encoding but Windows-1252 and ISO-8859-1). Throws a
/// data error at `file:line` (the line of the bad byte) when the bytes are not text in that
/// encoding, naming the byte and, when the file looks like another encoding, that encoding
/// (ISO-8859-1's C1 controls, bytes 0x80-0x9F, are not text: Windows-1252 is suggested).
std::string to_utf8(std::string_view bytes, Encoding encoding, const std::string &file);

/// The offset of the first byte of `bytes` that is not UTF-8 text (a NUL byte or another control
/// character but tab, line feed and carriage return, C0, DEL and C1 (U+0080 to U+009F) alike; a
/// bidirectional control, is_bidi_control; a byte that starts no sequence, a sequence cut short,
/// overlong or past U+10FFFF), or npos. Control characters are refused because they would pass
/// into tables, CSV and letters: a terminal escape in a bank reference, say, or the invisible
/// U+0080 that a Windows-1252 '€' read as ISO-8859-1 becomes.
std::size_t find_non_utf8(std::string_view bytes);
/// Whether `code` is a bidirectional embedding, override or isolate control (U+202A to U+202E,
/// U+2066 to U+2069): invisible, they reorder the text around them as it is shown, so that a
/// name or a reference in a letter to a government reads otherwise than its bytes (the
/// "Trojan Source" spoofing). The marks U+200E and U+200F, which only set the direction of
/// neutral characters next to them (an Arabic letter's minus sign), are not among them.
bool is_bidi_control(char32_t code);
/// Why bidirectional control `code` is refused, naming it: "bidirectional control character
/// U+202E (RIGHT-TO-LEFT OVERRIDE) is not accepted: ...".
std::string bidi_control_reason(char32_t code);
/// The code point of the UTF-8 sequence at `at`, moving `at` past it; where no valid sequence
/// starts there (find_non_utf8's bytes), the byte itself, one byte on. The one UTF-8 decoder of
/// the project: folding, LaTeX's character check and the messages on bad bytes use it.
char32_t next_code_point(std::string_view bytes, std::size_t &at);
/// Why `bytes` are not UTF-8 at offset `at` (found by find_non_utf8), with what the file seems
/// to be: "byte 0xE8 is not UTF-8 text (is the file in Windows-1252 ...? convert it: iconv ...)".
std::string non_utf8_reason(std::string_view bytes, std::size_t at);

/// Checks that `bytes` are UTF-8 text (a UTF-8 byte-order mark allowed): the encoding isukit's
/// YAML files are in. yaml-cpp would otherwise read a stray Windows-1252 byte as U+FFFD and a
/// file with NUL bytes as UTF-16, without a word. Throws a data error at the line and column
/// (in characters) of the first byte that is not, naming it and what the file seems to be.
void require_utf8(std::string_view bytes, const std::string &file);

} // namespace isukit::util
