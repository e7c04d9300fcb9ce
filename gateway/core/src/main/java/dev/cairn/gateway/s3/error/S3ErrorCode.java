package dev.cairn.gateway.s3.error;

/**
 * The S3 error codes Cairn answers with, each with its HTTP status and S3's default message.
 * Names are the wire codes.
 */
public enum S3ErrorCode {
    AccessDenied(403, "Access Denied"),
    AuthorizationHeaderMalformed(400, "The authorization header is malformed."),
    AuthorizationQueryParametersError(400, "Error parsing the X-Amz-Credential parameter."),
    BadDigest(400, "The Content-MD5 or checksum value that you specified did not match what the server received."),
    BucketAlreadyExists(409, "The requested bucket name is not available."),
    BucketAlreadyOwnedByYou(409, "Your previous request to create the named bucket succeeded and you already own it."),
    BucketNotEmpty(409, "The bucket you tried to delete is not empty."),
    ConditionalRequestConflict(409, "A conflicting operation occurred. If using PutObject you can retry the request."),
    EntityTooLarge(400, "Your proposed upload exceeds the maximum allowed object size."),
    EntityTooSmall(400, "Your proposed upload is smaller than the minimum allowed object size."),
    IncompleteBody(400, "You did not provide the number of bytes specified by the Content-Length HTTP header."),
    InsufficientStorage(507, "The storage backend is out of space; retry after space is freed."),
    InternalError(500, "We encountered an internal error. Please try again."),
    InvalidAccessKeyId(403, "The AWS access key ID you provided does not exist in our records."),
    InvalidArgument(400, "Invalid Argument"),
    InvalidBucketName(400, "The specified bucket is not valid."),
    InvalidChunkSizeError(400, "Only the last chunk is allowed to have a size less than 8192 bytes"),
    InvalidDigest(400, "The Content-MD5 or checksum value that you specified is not valid."),
    InvalidLocationConstraint(400, "The specified location-constraint is not valid."),
    InvalidPart(400, "One or more of the specified parts could not be found."),
    InvalidPartNumber(416, "The requested partnumber is not satisfiable"),
    InvalidPartOrder(400, "The list of parts was not in ascending order."),
    InvalidRange(416, "The requested range is not satisfiable"),
    InvalidRequest(400, "Invalid Request"),
    InvalidToken(400, "The provided token is malformed or otherwise invalid."),
    InvalidURI(400, "Couldn't parse the specified URI."),
    KeyTooLongError(400, "Your key is too long."),
    MalformedTrailerError(400, "The request contained trailing data that was not well-formed."),
    MalformedXML(400, "The XML you provided was not well-formed or did not validate against our published schema."),
    MaxMessageLengthExceeded(400, "Your request was too big."),
    MetadataTooLarge(400, "Your metadata headers exceed the maximum allowed metadata size."),
    MethodNotAllowed(405, "The specified method is not allowed against this resource."),
    MissingContentLength(411, "You must provide the Content-Length HTTP header."),
    MissingSecurityHeader(400, "Your request is missing a required header."),
    NoSuchBucket(404, "The specified bucket does not exist."),
    NoSuchKey(404, "The specified key does not exist."),
    NoSuchUpload(404, "The specified multipart upload does not exist."),
    NoSuchVersion(404, "The specified version does not exist."),
    NotImplemented(501, "A header you provided implies functionality that is not implemented."),
    NotModified(304, "Not Modified"),
    PreconditionFailed(412, "At least one of the preconditions you specified did not hold."),
    RequestTimeTooSkewed(403, "The difference between the request time and the server's time is too large."),
    RequestTimeout(400, "Your socket connection to the server was not read from or written to within the timeout period."),
    ServiceUnavailable(503, "Service is unable to handle request."),
    SignatureDoesNotMatch(403, "The request signature we calculated does not match the signature you provided. Check your key and signing method."),
    SlowDown(503, "Please reduce your request rate."),
    XAmzContentSHA256Mismatch(400, "The provided 'x-amz-content-sha256' header does not match what was computed.");

    private final int status;
    private final String defaultMessage;

    S3ErrorCode(int status, String defaultMessage) {
        this.status = status;
        this.defaultMessage = defaultMessage;
    }

    public int status() {
        return status;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
