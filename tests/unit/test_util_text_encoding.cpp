#include <isukit/util/error.hpp>
#include <isukit/util/text_encoding.hpp>

#include <doctest/doctest.h>

using namespace isukit::util;

TEST_CASE("util::to_utf8 converts every supported encoding and drops the byte-order mark") {
  CHECK(to_utf8("Gen\xE8ve", Encoding::windows1252, "f") == "Genève");
  CHECK(to_utf8("\x80", Encoding::windows1252, "f") == "€");
  CHECK(to_utf8("Gen\xE8ve", Encoding::latin1, "f") == "Genève");
  CHECK(to_utf8("\xEF\xBB\xBFok", Encoding::utf8, "f") == "ok");
  CHECK(to_utf8(std::string("\xFF\xFEo\0k\0", 6), Encoding::utf16, "f") == "ok");
  CHECK(to_utf8(std::string("\xFE\xFF\0o\0k", 6), Encoding::utf16, "f") == "ok");
  CHECK(to_utf8(std::string("o\0k\0", 4), Encoding::utf16le, "f") == "ok");
  CHECK(to_utf8(std::string("\0o\0k", 4), Encoding::utf16be, "f") == "ok");
}

TEST_CASE("util::to_utf8 names the line and the cause of bytes that are not text") {
  CHECK_THROWS_WITH(
      to_utf8("a\nb\xE8", Encoding::utf8, "f.csv"),
      doctest::Contains("f.csv:2: byte 0xE8 is not utf-8 text (is the file in Windows-1252"));
  CHECK_THROWS_WITH(
      to_utf8("\xEF\xBB\xBFx", Encoding::windows1252, "f.csv"),
      doctest::Contains(
          "starts with a UTF-8 byte-order mark, but the rules say 'encoding: windows-1252'"));
  CHECK_THROWS_WITH(to_utf8(std::string("a\0", 2), Encoding::utf8, "f.csv"),
                    doctest::Contains("NUL bytes"));
}

TEST_CASE("util::parse_encoding") {
  CHECK(parse_encoding("UTF-8") == Encoding::utf8);
  CHECK(parse_encoding("cp1252") == Encoding::windows1252);
  CHECK(parse_encoding("latin1") == Encoding::latin1);
  CHECK_FALSE(parse_encoding("ebcdic"));
}

TEST_CASE("util::require_utf8 counts lines at LF, CR LF and a lone CR, as the readers do") {
  const auto where = [](std::string_view bytes) {
    try {
      require_utf8(bytes, "f.yaml");
    } catch (const Error &error) {
      return error.located_message();
    }
    return std::string("no error");
  };
  CHECK(where("a\nb\rc\r\nd\xE8").starts_with("f.yaml:4:2: byte 0xE8"));
  CHECK(where("a\rbc\xE8").starts_with("f.yaml:2:3: byte 0xE8"));
  CHECK(where(std::string("ab\r\0", 4)).starts_with("f.yaml:2:1: a NUL byte"));
  CHECK(where("plain\r\ntext\r") == "no error");
}

TEST_CASE("util::to_utf8 reads utf-16 without a byte-order mark as big-endian, and names the "
          "encoding a file seems to be in") {
  const std::string big("\0o\0k\0\n", 6), little("o\0k\0\n\0", 6);
  CHECK(to_utf8(big, Encoding::utf16, "f") == "ok\n");
  CHECK(to_utf8(little, Encoding::utf16le, "f") == "ok\n");
  CHECK_THROWS_WITH(to_utf8(little, Encoding::utf16, "f"),
                    doctest::Contains("f:1: the file has no byte-order mark, so 'encoding: "
                                      "utf-16' reads it as UTF-16BE, but it seems to be UTF-16LE"));
  CHECK_THROWS_WITH(to_utf8(big, Encoding::utf16le, "f"),
                    doctest::Contains("the file seems to be UTF-16BE, not UTF-16LE: say "
                                      "'encoding: utf-16be'"));
  CHECK_THROWS_WITH(to_utf8("Date,Payer\n", Encoding::utf16be, "f"),
                    doctest::Contains("seems to be UTF-8, not UTF-16BE: say 'encoding: utf-8'"));
  // Text that is not mostly ASCII says nothing of its byte order: it is read as named.
  CHECK(to_utf8("\x65\xE5\x67\x1F", Encoding::utf16, "f") == "\xE6\x97\xA5\xE6\x9C\x9F");
}

TEST_CASE("util::find_non_utf8 refuses C1 control characters as C0 ones; ISO-8859-1's bytes "
          "0x80-0x9F suggest Windows-1252") {
  CHECK(find_non_utf8("a\xC2\x80") == 1);
  CHECK(find_non_utf8("a\xC2\x9F") == 1);
  CHECK(find_non_utf8("\xC2\xA0\xC3\xA8") == std::string_view::npos); // no-break space, è
  const auto code_point_at = [](std::string_view bytes, std::size_t at) {
    const char32_t c = next_code_point(bytes, at);
    return std::pair(static_cast<std::uint32_t>(c), at);
  };
  CHECK(code_point_at("\xC2\x92", 0) == std::pair(0x92u, std::size_t{2}));
  CHECK(code_point_at("\xE2\x82\xAC", 0) == std::pair(0x20ACu, std::size_t{3}));
  CHECK(code_point_at("\x1B", 0) == std::pair(0x1Bu, std::size_t{1}));
  CHECK(code_point_at("\xE2\x82", 0) == std::pair(0xE2u, std::size_t{1})); // cut short
  CHECK(non_utf8_reason("x\xC2\x80", 1).find("control character U+0080 is not text") == 0);
  CHECK(non_utf8_reason("x\xC2\x80", 1).find("byte 0x80 is '€'") != std::string::npos);
  CHECK(non_utf8_reason("\xC2\x81", 0).find(": remove it") != std::string::npos); // not 1252
  CHECK_THROWS_WITH(to_utf8("a\nC\xF4te d\x92Ivoire", Encoding::latin1, "f"),
                    doctest::Contains("f:2: control character U+0092 is not text (only tab and "
                                      "line ends are): was Windows-1252 text (where byte 0x92 is "
                                      "'’') read as ISO-8859-1? say 'encoding: windows-1252'"));
  // A byte Windows-1252 leaves undefined: reading the file as Windows-1252 would fail too.
  CHECK_THROWS_WITH(to_utf8("a\x81", Encoding::latin1, "f"),
                    "f:1: control character U+0081 is not text (only tab and line ends are): "
                    "remove it");
  CHECK(to_utf8("C\xF4te d\x92Ivoire", Encoding::windows1252, "f") == "Côte d’Ivoire");
}

TEST_CASE("util::find_non_utf8 refuses bidirectional embeddings, overrides and isolates, naming "
          "them; the marks and Arabic text are text") {
  // U+202A-U+202E are E2 80 AA-AE, U+2066-U+2069 E2 81 A6-A9.
  for (const char *control :
       {"\xE2\x80\xAA", "\xE2\x80\xAB", "\xE2\x80\xAC", "\xE2\x80\xAD", "\xE2\x80\xAE",
        "\xE2\x81\xA6", "\xE2\x81\xA7", "\xE2\x81\xA8", "\xE2\x81\xA9"}) {
    CAPTURE(control);
    CHECK(find_non_utf8(std::string("Ban") + control + "k") == 3);
  }
  CHECK(find_non_utf8("\xE2\x80\xA9\xE2\x80\xAF\xE2\x81\xA5\xE2\x81\xAA") == // U+2029, 202F,
        std::string_view::npos);                                             // 2065, 206A
  // Left-to-right and right-to-left marks, and Arabic: "الجزائر" with an LRM before a minus.
  CHECK(find_non_utf8("\xE2\x80\x8E-5 \xE2\x80\x8F") == std::string_view::npos);
  CHECK(find_non_utf8("\xD8\xA7\xD9\x84\xD8\xAC\xD8\xB2\xD8\xA7\xD8\xA6\xD8\xB1") ==
        std::string_view::npos);
  CHECK(non_utf8_reason("ab\xE2\x80\xAE"
                        "cd",
                        2) ==
        "bidirectional control character U+202E (RIGHT-TO-LEFT OVERRIDE) is not accepted: "
        "invisible, it reorders how the text around it is shown, so a letter could read otherwise "
        "than its data; remove it (the marks U+200E and U+200F are accepted)");
  CHECK(non_utf8_reason("\xE2\x81\xA9", 0).find("U+2069 (POP DIRECTIONAL ISOLATE)") !=
        std::string::npos);
  CHECK(non_utf8_reason("\xE2\x80\xAA", 0).find("U+202A (LEFT-TO-RIGHT EMBEDDING)") !=
        std::string::npos);
  CHECK(is_bidi_control(0x2066));
  CHECK_FALSE(is_bidi_control(0x200F));
  // A YAML file: the line and the column in characters.
  CHECK_THROWS_WITH(require_utf8("a: 1\nname: \"\xD8\xA7\xE2\x81\xA6x\"\n", "f.yaml"),
                    doctest::Contains("f.yaml:2:9: bidirectional control character U+2066 "
                                      "(LEFT-TO-RIGHT ISOLATE) is not accepted"));
}

TEST_CASE("util::to_utf8 names UTF-8 read as an 8-bit encoding") {
  CHECK_THROWS_WITH(to_utf8("a\nGr\xC3\xA8"
                            "ce\n",
                            Encoding::windows1252, "f"),
                    doctest::Contains("f:2: the file seems to be UTF-8, not windows-1252: its "
                                      "bytes 0xC3 0xA8 are 'è' in UTF-8 (say 'encoding: utf-8')"));
  CHECK_THROWS_WITH(to_utf8("INV\xE2\x82\xAC"
                            "1",
                            Encoding::latin1, "f"),
                    doctest::Contains("seems to be UTF-8, not iso-8859-1"));
  CHECK(to_utf8("Gr\xE8"
                "ce \xC3",
                Encoding::windows1252, "f") == "Grèce Ã");
}
