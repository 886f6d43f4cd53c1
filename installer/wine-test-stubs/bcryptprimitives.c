/*
 * TEST-ONLY stand-in for Windows' bcryptprimitives.dll under Wine. NEVER PACKAGED.
 *
 * cryptography's Rust extension (_rust.pyd) imports ProcessPrng, the system random generator
 * Windows 10 and later export from bcryptprimitives.dll; Wine 8 has no such DLL. This one
 * forwards to BCryptGenRandom with the system-preferred generator (Wine implements it with
 * the host's random source), so keys made during the selftest are real random keys.
 * scripts/build_windows.sh builds it with mingw-w64 into the throw-away Wine prefix's
 * system32; installer/windows/check_no_stubs.py proves it is in neither the bundle nor the MSI.
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    /* BCryptGenRandom takes a ULONG length: fill larger requests in pieces. */
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
