#include <isukit/util/error.hpp>
#include <isukit/util/shared_library.hpp>

#include <fmt/format.h>

#include <dlfcn.h>

namespace isukit::util {

SharedLibrary::SharedLibrary(const char *soname, std::string_view purpose, std::string_view package)
    : m_handle(::dlopen(soname, RTLD_NOW | RTLD_LOCAL)), m_soname(soname), m_purpose(purpose) {
  if (!m_handle) {
    throw Error(ExitCode::software, fmt::format("{} needs {}, which is not installed: {}", purpose,
                                                package, ::dlerror()));
  }
}

void *SharedLibrary::symbol(const char *name) const {
  void *address = ::dlsym(m_handle, name);
  if (!address) {
    throw Error(ExitCode::software, fmt::format("{}: {} has no {}", m_purpose, m_soname, name));
  }
  return address;
}

} // namespace isukit::util
