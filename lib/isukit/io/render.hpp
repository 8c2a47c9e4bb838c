// One writer per --format, all from the same Output.
#pragma once

#include <isukit/io/table.hpp>
#include <isukit/util/lang.hpp>

#include <string>

namespace isukit::io {

/// Renders an output in a format: yaml and json write the documents, the others the tables.
std::string render(const Output& output, Format format, util::Lang lang);

// The individual writers, for tests.
std::string render_text_table(const std::vector<Table>& tables, util::Lang lang);
std::string render_markdown(const std::vector<Table>& tables, util::Lang lang);
std::string render_separated(const std::vector<Table>& tables, char separator);
std::string render_html(const std::vector<Table>& tables, util::Lang lang);
std::string render_latex(const std::vector<Table>& tables, util::Lang lang);

std::string escape_html(std::string_view text);
std::string escape_latex(std::string_view text);

} // namespace isukit::io
