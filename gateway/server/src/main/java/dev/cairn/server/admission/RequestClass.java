package dev.cairn.server.admission;

/** The two budgets a request draws on. Writes are shed first (ADR 0017). */
public enum RequestClass {
    /** GET and HEAD on S3 and OAP paths: they change nothing. */
    READ,
    /** Everything else on S3 and OAP paths: uploads, deletes, multipart calls, bucket changes. */
    WRITE
}
