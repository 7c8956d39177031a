#ifndef CWIDTH_H
#define CWIDTH_H

/* Display width of a code point as libc's wcwidth gives it in a UTF-8 locale: what ncursesw
   uses, so the Canvas and the screen agree (CJK = 2, combining = 0, control = -1). */
int cwidth_wcwidth(unsigned int codepoint);

/* Makes LC_CTYPE a UTF-8 locale: the environment's when it is UTF-8, else C.UTF-8.
   Returns 1 when a UTF-8 LC_CTYPE is in effect afterwards. */
int cwidth_ensure_utf8_ctype(void);

#endif
