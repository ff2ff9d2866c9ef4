// Typed errors and the exit-code scheme. Everything that can fail for a
// reason the user should hear about throws rls::Error; main() catches it once.
#pragma once

#include <stdexcept>
#include <string>

namespace rls {

// sysexits(3)-style codes, documented in man/rls.1 (EXIT STATUS).
enum class Exit : int {
    ok = 0,
    declined = 1,      // the user answered "no" at a prompt; nothing changed
    usage = 64,        // bad command line or invalid value
    data = 65,         // bad data: corrupt, foreign or too-new database
    no_input = 66,     // a named thing (session, file) does not exist
    unavailable = 69,  // a program rls needs (Chromium for PDF) is missing or failed
    software = 70,     // a bug in rls
    os_file = 72,      // the system's zone file (TZ, /etc/localtime) is damaged or unreadable
    cant_create = 73,  // cannot create the database or its directory
    io = 74,           // read/write failure, disk full
    busy = 75,         // database locked by another rls for too long: try again
    permission = 77,   // not allowed to read or write
    interrupted = 130, // Ctrl-C (or a closed terminal) at a question; nothing saved
};

class Error : public std::runtime_error {
public:
    Error(Exit code, const std::string& message) : std::runtime_error(message), m_code(code) {}
    [[nodiscard]] Exit code() const noexcept { return m_code; }

private:
    Exit m_code;
};

// The most common error: a value that is not allowed for a field.
[[nodiscard]] inline Error usage_error(const std::string& message) {
    return Error(Exit::usage, message);
}

} // namespace rls
