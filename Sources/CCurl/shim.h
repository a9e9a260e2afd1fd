#include <curl/curl.h>

// curl_easy_setopt and curl_easy_getinfo are variadic C functions, which Swift cannot call:
// these typed wrappers pass one argument of a known type each.
static inline CURLcode ccurl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
  return curl_easy_setopt(handle, option, value);
}
static inline CURLcode ccurl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
  return curl_easy_setopt(handle, option, value);
}
static inline CURLcode ccurl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
  return curl_easy_setopt(handle, option, value);
}
// Options of type curl_off_t (CURLOPT_POSTFIELDSIZE_LARGE) must be passed as a 64-bit curl_off_t, not a long.
static inline CURLcode ccurl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
  return curl_easy_setopt(handle, option, value);
}
// CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION both take this callback type.
static inline CURLcode ccurl_easy_setopt_write_function(
    CURL *handle, CURLoption option, size_t (*callback)(char *, size_t, size_t, void *)) {
  return curl_easy_setopt(handle, option, callback);
}
static inline CURLcode ccurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
  return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode ccurl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
  return curl_easy_getinfo(handle, info, value);
}
// CURLINFO_*_T timings are curl_off_t microseconds.
static inline CURLcode ccurl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
  return curl_easy_getinfo(handle, info, value);
}
// CURL_GLOBAL_DEFAULT is a macro built with `|`, which Swift does not import.
static inline CURLcode ccurl_global_init_default(void) {
  return curl_global_init(CURL_GLOBAL_DEFAULT);
}
// CURL_ERROR_SIZE is the size CURLOPT_ERRORBUFFER writes into; exposed as a value for buffer allocation.
static inline int ccurl_error_size(void) { return CURL_ERROR_SIZE; }
