using Passerelle.Core.Pictures;

namespace Passerelle.Errors;

/// <summary>
/// The body limits of the routes and pages that take files: the files' own limit, and room for the multipart
/// envelope around them (boundaries, part headers, the form's other fields). Beyond, the body is refused unread.
/// </summary>
internal static class UploadLimits
{
    /// <summary>What a multipart form adds to its files, at most.</summary>
    public const long MultipartAllowance = 64 * 1024;

    /// <summary>One picture (<see cref="AcceptPicture.MaxBytes"/>) in a multipart form.</summary>
    public const long OnePicture = AcceptPicture.MaxBytes + MultipartAllowance;
}
