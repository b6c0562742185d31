// libxcrypt (<crypt.h>, from libcrypt-dev, which libc6-dev depends on): passwords are hashed and
// checked in the service, never in the database.
#include <crypt.h>
#include <stdlib.h>
#include <string.h>

// crypt_r on a zeroed, heap-allocated struct crypt_data (about 32 KiB, too large for the stack of
// a worker thread and for Swift to import as a value), wiped and freed before returning. Copies the
// hash into `output` (at least CRYPT_OUTPUT_SIZE bytes) and returns 0, or -1 when crypt_r failed
// (an unknown or malformed setting: libxcrypt then answers a "*" failure token or NULL).
static inline int hub_crypt_r(const char *phrase, const char *setting, char *output, size_t output_size) {
    struct crypt_data *data = calloc(1, sizeof *data);
    if (data == NULL) return -1;
    const char *hash = crypt_r(phrase, setting, data);
    int ok = hash != NULL && hash[0] != '*' && strlen(hash) < output_size;
    if (ok) memcpy(output, hash, strlen(hash) + 1);
    explicit_bzero(data, sizeof *data);
    free(data);
    return ok ? 0 : -1;
}
