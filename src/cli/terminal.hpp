// The terminal for full-screen commands: raw keys with a timeout, restored
// on every way out, and signals turned into flags so that Ctrl-C, a closed
// terminal or a kill never lose what the user has done.
#pragma once

#include <chrono>
#include <csignal>
#include <optional>
#include <termios.h>

namespace rls {

// Which signal arrived, if any (SIGINT, SIGTERM, SIGHUP); cleared by take_signal().
[[nodiscard]] int take_signal();

// Installs handlers for SIGINT, SIGTERM and SIGHUP that only set the flag
// (no SA_RESTART, so a blocking read returns); restores the old ones on
// destruction. Guards nest (a question asked inside the guide).
class SignalGuard {
public:
    SignalGuard();
    ~SignalGuard();
    SignalGuard(const SignalGuard&) = delete;
    SignalGuard& operator=(const SignalGuard&) = delete;

private:
    struct sigaction m_old_int {};
    struct sigaction m_old_term {};
    struct sigaction m_old_hup {};
};

// Waits until `fd` has input (a whole line on a terminal in canonical mode)
// or end of input; false when a signal arrived first. Needed because the C++
// streams retry a read that a signal interrupted.
[[nodiscard]] bool wait_for_input(int fd);

// Columns and rows of the terminal on `fd`; nullopt when `fd` is not a
// terminal or its size is unknown (0x0).
struct TerminalSize {
    int cols = 0;
    int rows = 0;
};
[[nodiscard]] std::optional<TerminalSize> terminal_size(int fd);

// Raw mode on a terminal: no echo, no line buffering, Ctrl-C as a key.
class RawMode {
public:
    explicit RawMode(int fd);
    ~RawMode();
    RawMode(const RawMode&) = delete;
    RawMode& operator=(const RawMode&) = delete;

    // A key, or nullopt when `timeout` passes (or a signal arrives) first.
    // Returns -1 at end of input.
    [[nodiscard]] std::optional<int> key(std::chrono::milliseconds timeout) const;

private:
    int m_fd;
    termios m_saved{};
    bool m_active = false;
};

inline constexpr int k_ctrl_c = 3;
inline constexpr int k_ctrl_d = 4;
inline constexpr int k_backspace = 127;

} // namespace rls
