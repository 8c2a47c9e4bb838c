// Shared libraries opened when a call first needs them rather than linked to the tools: every
// library linked costs every call its relocations and symbol look-ups at start-up, also the
// calls (most of them) that never use it.
#pragma once

#include <string>
#include <string_view>

namespace isukit::util {

/// A shared library opened by its soname (the one the linker would have recorded; the build
/// finds it, see lib/CMakeLists.txt) for one purpose, and never closed.
class SharedLibrary {
public:
  /// Opens the library. Errors: software (70), "PURPOSE needs PACKAGE, which is not installed:
  /// " and the loader's reason, e.g. purpose "--format xlsx", package "libxlsxwriter".
  SharedLibrary(const char *soname, std::string_view purpose, std::string_view package);

  /// The address of the library's symbol `name`, a function or a variable. Errors: software
  /// (70), "PURPOSE: SONAME has no NAME" (an installed library of another version).
  void *symbol(const char *name) const;

  /// Sets the function pointer `function` to the library's function `name`; errors as symbol.
  template <typename Function> void bind(Function &function, const char *name) const {
    function = reinterpret_cast<Function>(symbol(name));
  }

private:
  void *m_handle;
  std::string m_soname;
  std::string m_purpose;
};

} // namespace isukit::util
