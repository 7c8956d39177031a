#define _XOPEN_SOURCE 700
#include <wchar.h>
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include "CWidth.h"

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
