package dev.ferry.emulator.http;

/** Dataverse error codes the emulator answers with, named by what they mean. */
public final class ErrorCodes {
    /** "Entity 'account' With Id = ... Does Not Exist" (404). */
    public static final String OBJECT_DOES_NOT_EXIST = "0x80040217";
    /** A record with the same primary key or alternate key exists (412 on create-only, 400 on create). */
    public static final String DUPLICATE_RECORD = "0x80040237";
    /** A key (alternate key) value is duplicated. */
    public static final String DUPLICATE_KEY = "0x80060892";
    /** The payload names a property the entity type lacks, or has a value of the wrong type. */
    public static final String BAD_PAYLOAD = "0x80048d19";
    /** A string longer than the column's maximum length. */
    public static final String STRING_TOO_LONG = "0x80044331";
    /** A value outside a column's range or option set. */
    public static final String VALUE_OUT_OF_RANGE = "0x80044330";
    /** A required column is missing on create. */
    public static final String REQUIRED_MISSING = "0x80040203";
    /** A write to a column that is not valid for create or update. */
    public static final String NOT_VALID_FOR_WRITE = "0x80040203";
    /** Malformed request: URL, query option or body that cannot be read. */
    public static final String BAD_REQUEST = "0x80060888";
    /** The resource segment names no entity set or operation. */
    public static final String RESOURCE_NOT_FOUND = "0x8006088a";
    /** The emulator does not implement this part of the Web API. */
    public static final String NOT_IMPLEMENTED = "0x8004d293";
    /** Service protection: number of requests per window exceeded. */
    public static final String THROTTLE_REQUESTS = "0x80072322";
    /** Service protection: combined execution time per window exceeded. */
    public static final String THROTTLE_EXECUTION_TIME = "0x80072321";
    /** Service protection: number of concurrent requests exceeded. */
    public static final String THROTTLE_CONCURRENCY = "0x80072326";
    /** Missing or invalid bearer token. */
    public static final String UNAUTHORIZED = "0x80072560";
    /** Injected fault: the service is unavailable. */
    public static final String SERVICE_UNAVAILABLE = "0x80040216";

    private ErrorCodes() {
    }
}
