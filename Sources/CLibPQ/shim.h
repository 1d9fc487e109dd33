#ifndef CLIBPQ_SHIM_H
#define CLIBPQ_SHIM_H

#include <libpq-fe.h>

// The PG_DIAG_* field codes are character-literal macros, which Swift does
// not import; these constants carry them across.
static const int clibpq_diag_sqlstate = PG_DIAG_SQLSTATE;
static const int clibpq_diag_message_primary = PG_DIAG_MESSAGE_PRIMARY;
static const int clibpq_diag_constraint_name = PG_DIAG_CONSTRAINT_NAME;

static void clibpq_discard_notice(void *arg, const char *message) {
    (void)arg;
    (void)message;
}

/// libpq prints NOTICE/WARNING messages (e.g. "relation already exists,
/// skipping" from CREATE TABLE IF NOT EXISTS) to stderr by default; the
/// application logs structured lines on stdout, so they are dropped here.
static inline void clibpq_silence_notices(PGconn *conn) {
    PQsetNoticeProcessor(conn, clibpq_discard_notice, 0);
}

#endif
