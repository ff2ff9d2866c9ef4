// Raw terminal mode and signal flags.
#include "cli/terminal.hpp"

#include <cerrno>
#include <csignal>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace rls {

namespace {

volatile std::sig_atomic_t g_signal = 0;

extern "C" void remember_signal(int sig) {
    g_signal = sig;
}

} // namespace

int take_signal() {
    const int sig = g_signal;
    g_signal = 0;
    return sig;
}

SignalGuard::SignalGuard() {
    struct sigaction sa {};
    sa.sa_handler = remember_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; // no SA_RESTART: a blocked read returns EINTR
    sigaction(SIGINT, &sa, &m_old_int);
    sigaction(SIGTERM, &sa, &m_old_term);
    sigaction(SIGHUP, &sa, &m_old_hup);
}

SignalGuard::~SignalGuard() {
    sigaction(SIGINT, &m_old_int, nullptr);
    sigaction(SIGTERM, &m_old_term, nullptr);
    sigaction(SIGHUP, &m_old_hup, nullptr);
}

bool wait_for_input(int fd) {
    for (;;) {
        if (g_signal != 0) {
            return false;
        }
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, -1);
        if (ready > 0) {
            return true;
        }
        if (ready < 0 && errno != EINTR) {
            return true; // let the read report the problem
        }
    }
}

std::optional<TerminalSize> terminal_size(int fd) {
    winsize ws{};
    if (::ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0 || ws.ws_row == 0) {
        return std::nullopt;
    }
    return TerminalSize{ws.ws_col, ws.ws_row};
}

RawMode::RawMode(int fd) : m_fd(fd) {
    if (tcgetattr(fd, &m_saved) != 0) {
        return;
    }
    termios raw = m_saved;
    raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | ISIG | IEXTEN);
    raw.c_iflag &= ~static_cast<tcflag_t>(IXON | ICRNL);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    m_active = tcsetattr(fd, TCSAFLUSH, &raw) == 0;
}

RawMode::~RawMode() {
    if (m_active) {
        tcsetattr(m_fd, TCSAFLUSH, &m_saved);
    }
}

std::optional<int> RawMode::key(std::chrono::milliseconds timeout) const {
    pollfd p{m_fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(timeout.count()));
    if (ready <= 0) {
        return std::nullopt; // timeout, or interrupted by a signal
    }
    unsigned char c = 0;
    const auto n = ::read(m_fd, &c, 1);
    if (n == 0 || (n < 0 && (p.revents & (POLLHUP | POLLERR)) != 0)) {
        return -1;
    }
    if (n < 0) {
        return std::nullopt;
    }
    return static_cast<int>(c);
}

} // namespace rls
