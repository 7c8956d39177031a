#ifndef CTERMINAL_H
#define CTERMINAL_H

/* Display width of a code point as libc's wcwidth gives it in a UTF-8 locale: what ncursesw
   uses, so the Canvas and the screen agree (CJK = 2, combining = 0, control = -1). */
int cwidth_wcwidth(unsigned int codepoint);

/* Makes LC_CTYPE a UTF-8 locale: the environment's when it is UTF-8, else C.UTF-8.
   Returns 1 when a UTF-8 LC_CTYPE is in effect afterwards. */
int cwidth_ensure_utf8_ctype(void);

/* Makes LC_ALL the environment's locale, falling back to C.UTF-8 when that is not UTF-8
   (ncursesw needs a UTF-8 locale before initscr). Returns 1 when UTF-8 is in effect. */
int cterminal_ensure_utf8_locale(void);

/* SIGINT, SIGTERM and SIGHUP set a flag instead of killing the process, so the screen loop can
   restore the terminal and exit; nothing is drawn in the handler. */
void cterminal_install_stop_signals(void);
/* The signal that asked to stop (0 when none). */
int cterminal_stop_signal(void);

/* Whether the bytes of needle occur in haystack (memmem, a GNU extension Swift does not see). */
#include <stddef.h>
int cterminal_contains(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/* Whether file descriptor fd is a terminal. */
int cterminal_isatty(int fd);

#endif
