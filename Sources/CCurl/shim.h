#ifndef HS_CCURL_SHIM_H
#define HS_CCURL_SHIM_H
#include <curl/curl.h>

/* curl_easy_setopt / curl_easy_getinfo are variadic and do not import into
   Swift. These typed wrappers pass exactly one argument of the right type. */

static inline CURLcode hs_curl_setopt_long(CURL *c, CURLoption o, long v) {
    return curl_easy_setopt(c, o, v);
}

static inline CURLcode hs_curl_setopt_str(CURL *c, CURLoption o, const char *v) {
    return curl_easy_setopt(c, o, v);
}

static inline CURLcode hs_curl_setopt_ptr(CURL *c, CURLoption o, void *v) {
    return curl_easy_setopt(c, o, v);
}

static inline CURLcode hs_curl_setopt_slist(CURL *c, CURLoption o, struct curl_slist *v) {
    return curl_easy_setopt(c, o, v);
}

static inline CURLcode hs_curl_setopt_read_callback(CURL *c, curl_read_callback cb) {
    return curl_easy_setopt(c, CURLOPT_READFUNCTION, cb);
}

static inline CURLcode hs_curl_setopt_write_callback(CURL *c, curl_write_callback cb) {
    return curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, cb);
}

static inline CURLcode hs_curl_getinfo_long(CURL *c, CURLINFO i, long *out) {
    return curl_easy_getinfo(c, i, out);
}

#endif
