#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

/* The wide API and wcwidth only import with these, in this order (DESIGN.md). */
#define _XOPEN_SOURCE 700
#include <wchar.h>
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>

/* Macros with casts do not import into Swift: expose them as functions and constants. */
static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_italic(void) { return A_ITALIC; }
static inline int cn_key_f(int n) { return KEY_F(n); }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline WINDOW *cn_stdscr(void) { return stdscr; }
/* A terminfo string capability, or NULL when the terminal has none (tigetstr's -1 and 0 alike). */
static inline const char *cn_capability(const char *name) {
    char *s = tigetstr(name);
    return (s == (char *)-1 || s == 0 || *s == 0) ? 0 : s;
}
/* Sends a terminfo string (its $<n> padding handled) and flushes it out. */
static inline void cn_putp(const char *s) { putp(s); fflush(stdout); }
/* newterm on the standard streams: unlike initscr, it returns NULL rather than exiting. */
static inline SCREEN *cn_newterm(void) { return newterm(0, stdout, stdin); }

/* Writes n wide characters at (y, x) with attributes and a colour pair. */
static inline int cn_put(int y, int x, const wchar_t *text, int n, attr_t attrs, short pair) {
    attr_set(attrs, pair, NULL);
    return mvaddnwstr(y, x, text, n);
}

#endif
