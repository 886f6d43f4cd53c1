/*
 * TEST-ONLY stand-in for Windows' icuuc.dll under Wine. NEVER PACKAGED.
 *
 * Qt6Core.dll imports ICU's converter functions (ucnv_*) from icuuc.dll, which Windows 10
 * 1903 and later ship in System32 and Wine 8 does not. Without this file Qt6Core cannot load
 * under Wine, so the installed program could not be self-tested in CI.
 *
 * Every converter "fails to open" and none is available, so Qt falls back to its own UTF-8 /
 * UTF-16 / Latin-1 codecs - the only ones the application uses. scripts/build_windows.sh
 * builds this with mingw-w64 into the throw-away Wine prefix's system32, and
 * installer/windows/check_no_stubs.py proves no stub is inside the bundle or the MSI.
 */
#include <stddef.h>
#include <stdint.h>

#define EXPORT __declspec(dllexport)

typedef int32_t UErrorCode;
typedef uint16_t UChar;
typedef struct UConverter UConverter;
typedef void (*UConverterCallback)(void);

/* U_FILE_ACCESS_ERROR: "no converter data", what a real ICU without data files reports. */
enum { U_FILE_ACCESS_ERROR = 4 };

static void set_error(UErrorCode *status) {
    if (status && *status <= 0)
        *status = U_FILE_ACCESS_ERROR;
}

EXPORT UConverter *ucnv_open(const char *name, UErrorCode *status) { (void)name; set_error(status); return NULL; }
EXPORT void ucnv_close(UConverter *cnv) { (void)cnv; }
EXPORT void ucnv_reset(UConverter *cnv) { (void)cnv; }
EXPORT int8_t ucnv_getMaxCharSize(const UConverter *cnv) { (void)cnv; return 1; }
EXPORT const char *ucnv_getName(const UConverter *cnv, UErrorCode *status) { (void)cnv; set_error(status); return NULL; }
EXPORT void ucnv_getToUCallBack(const UConverter *cnv, UConverterCallback *action, const void **context) {
    (void)cnv; if (action) *action = NULL; if (context) *context = NULL;
}
EXPORT void ucnv_getFromUCallBack(const UConverter *cnv, UConverterCallback *action, const void **context) {
    (void)cnv; if (action) *action = NULL; if (context) *context = NULL;
}
EXPORT void ucnv_setToUCallBack(UConverter *cnv, UConverterCallback a, const void *c, UConverterCallback *oa,
                                const void **oc, UErrorCode *status) {
    (void)cnv; (void)a; (void)c; (void)oa; (void)oc; set_error(status);
}
EXPORT void ucnv_setFromUCallBack(UConverter *cnv, UConverterCallback a, const void *c, UConverterCallback *oa,
                                  const void **oc, UErrorCode *status) {
    (void)cnv; (void)a; (void)c; (void)oa; (void)oc; set_error(status);
}
EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length, int32_t offset,
                                  UErrorCode *status) {
    (void)args; (void)source; (void)length; (void)offset; set_error(status);
}
EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *limit, int32_t offset,
                                    UErrorCode *status) {
    (void)args; (void)source; (void)limit; (void)offset; set_error(status);
}
EXPORT void ucnv_toUnicode(UConverter *cnv, UChar **target, const UChar *target_limit, const char **source,
                           const char *source_limit, int32_t *offsets, int8_t flush, UErrorCode *status) {
    (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets; (void)flush;
    set_error(status);
}
EXPORT void ucnv_fromUnicode(UConverter *cnv, char **target, const char *target_limit, const UChar **source,
                             const UChar *source_limit, int32_t *offsets, int8_t flush, UErrorCode *status) {
    (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets; (void)flush;
    set_error(status);
}
EXPORT int32_t ucnv_toUCountPending(const UConverter *cnv, UErrorCode *status) { (void)cnv; set_error(status); return 0; }
EXPORT int32_t ucnv_fromUCountPending(const UConverter *cnv, UErrorCode *status) { (void)cnv; set_error(status); return 0; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *status) {
    (void)name; (void)standard; set_error(status); return NULL;
}
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
/* ICU's stock substitution callbacks: only their addresses are used by Qt (as actions). */
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const UChar *units, int32_t length,
                                            int32_t code_point, int reason, UErrorCode *status) {
    (void)context; (void)args; (void)units; (void)length; (void)code_point; (void)reason; (void)status;
}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *units, int32_t length,
                                          int reason, UErrorCode *status) {
    (void)context; (void)args; (void)units; (void)length; (void)reason; (void)status;
}
