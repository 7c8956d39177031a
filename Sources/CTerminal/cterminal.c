#define _GNU_SOURCE
#define _XOPEN_SOURCE 700
#include <wchar.h>
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include "CTerminal.h"

int cwidth_wcwidth(unsigned int codepoint) {
    return wcwidth((wchar_t)codepoint);
}

static int ctype_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

int cwidth_ensure_utf8_ctype(void) {
    if (setlocale(LC_CTYPE, "") != NULL && ctype_is_utf8()) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") != NULL && ctype_is_utf8()) return 1;
    return 0;
}

int cterminal_ensure_utf8_locale(void) {
    if (setlocale(LC_ALL, "") != NULL && ctype_is_utf8()) return 1;
    if (setlocale(LC_ALL, "C.UTF-8") != NULL && ctype_is_utf8()) return 1;
    return cwidth_ensure_utf8_ctype();
}

static volatile sig_atomic_t stop_signal = 0;

static void on_stop(int signo) { stop_signal = signo; }

void cterminal_install_stop_signals(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_stop;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    /* A parent may have left them blocked (the mask is inherited across exec). */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

int cterminal_stop_signal(void) { return stop_signal; }

int cterminal_isatty(int fd) { return isatty(fd); }

int cterminal_contains(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    if (needle_length == 0) return 1;
    return memmem(haystack, haystack_length, needle, needle_length) != NULL;
}
