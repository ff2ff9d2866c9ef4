// Printing the HTML report to PDF with headless Chromium: no network, a
// throw-away profile, temp files that only this user can read.
#pragma once

#include <string>
#include <string_view>

namespace rls {

// The Debian package that provides the browser, named in the error when the
// binary is not found.
inline constexpr const char* k_chromium_package = "chromium";

// The chromium binary found on `path_env` (a PATH value), or empty.
[[nodiscard]] std::string find_chromium(const char* path_env);

// Runs `chromium` on `html` and returns the PDF's bytes. Throws
// Error(unavailable) when Chromium fails or takes longer than a minute.
[[nodiscard]] std::string print_pdf(const std::string& chromium, const std::string& html,
                                    const char* tmpdir_env);

// The pages of a PDF as Chromium writes it: the /Count of its page tree's
// root ("/Type /Pages"), uncompressed; 0 when there is none.
[[nodiscard]] int pdf_pages(std::string_view pdf);

} // namespace rls
