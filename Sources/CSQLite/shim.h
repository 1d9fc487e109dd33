#ifndef CSQLITE_SHIM_H
#define CSQLITE_SHIM_H

#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro casting -1 to a function pointer, which Swift
// cannot import. These wrappers bind with SQLITE_TRANSIENT so SQLite copies
// the bytes before Swift's temporary buffer goes away.

/// Binds UTF-8 text. A NULL pointer (Swift may hand one out for an empty
/// string) would make SQLite bind SQL NULL, so it is mapped to "".
static inline int csqlite_bind_text(sqlite3_stmt *stmt, int index,
                                    const char *text, sqlite3_uint64 length) {
    if (text == 0) {
        text = "";
        length = 0;
    }
    return sqlite3_bind_text64(stmt, index, text, length, SQLITE_TRANSIENT, SQLITE_UTF8);
}

/// Binds a blob. An empty blob must stay a zero-length BLOB, not NULL.
static inline int csqlite_bind_blob(sqlite3_stmt *stmt, int index,
                                    const void *data, sqlite3_uint64 length) {
    if (data == 0 || length == 0) {
        return sqlite3_bind_zeroblob(stmt, index, 0);
    }
    return sqlite3_bind_blob64(stmt, index, data, length, SQLITE_TRANSIENT);
}

#endif
