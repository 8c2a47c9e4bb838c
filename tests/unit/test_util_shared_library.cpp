#include <isukit/util/error.hpp>
#include <isukit/util/shared_library.hpp>

#include <doctest/doctest.h>

#include <cstring>
#include <string>

using namespace isukit;

TEST_CASE("util::SharedLibrary binds a library's functions and variables by name") {
  const util::SharedLibrary libc("libc.so.6", "a test", "the C library");
  decltype(&std::strlen) length = nullptr;
  libc.bind(length, "strlen");
  const bool bound = length != nullptr;
  REQUIRE(bound);
  CHECK(length("Geneva") == 6);
  CHECK(libc.symbol("environ") != nullptr); // a variable
}

TEST_CASE("util::SharedLibrary says which library is missing, and which function, as 70") {
  try {
    const util::SharedLibrary missing("libisukit-none.so.0", "--format none", "libnone");
    FAIL("opened a library that does not exist");
  } catch (const util::Error &e) {
    CHECK(e.code() == util::ExitCode::software);
    CHECK(std::string(e.what()).starts_with(
        "--format none needs libnone, which is not installed: libisukit-none.so.0"));
  }
  const util::SharedLibrary libc("libc.so.6", "a test", "the C library");
  try {
    libc.symbol("isukit_no_such_function");
    FAIL("found a function that does not exist");
  } catch (const util::Error &e) {
    CHECK(e.code() == util::ExitCode::software);
    CHECK(std::string(e.what()) == "a test: libc.so.6 has no isukit_no_such_function");
  }
}
