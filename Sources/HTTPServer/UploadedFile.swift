/// A file part of a multipart/form-data body, already written to a temporary file.
///
/// The temporary file is deleted when the request completes; move or copy it in the handler to keep it.
public struct UploadedFile: Sendable {
    /// The form field name of the part.
    public var fieldName: String
    /// The file name the client sent (untrusted; never use it as a path).
    public var filename: String
    /// The part's Content-Type, `application/octet-stream` when absent.
    public var contentType: String
    /// Absolute path of the temporary file holding the content.
    public var path: String
    /// Size in bytes.
    public var size: Int

    public init(fieldName: String, filename: String, contentType: String, path: String, size: Int) {
        self.fieldName = fieldName
        self.filename = filename
        self.contentType = contentType
        self.path = path
        self.size = size
    }
}
