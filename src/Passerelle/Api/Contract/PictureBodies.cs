using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Passerelle.Core.Common;
using Passerelle.Core.Pictures;
using Passerelle.Errors;

namespace Passerelle.Api.Contract;

/// <summary>
/// The body of a route that takes a picture: the image itself, or a multipart form whose first file it is. The
/// handler reads the body by hand and judges the type by content, so the body is described here rather than with
/// <c>Accepts</c>, whose content-type matching would turn away what the handler takes.
/// </summary>
internal static class PictureBodies
{
    private static readonly string[] Images = ["image/jpeg", "image/png", "image/webp"];

    /// <summary>
    /// What judging a picture can answer, wherever it is sent: <see cref="AcceptPicture.Screen"/> refuses it by
    /// size, content or pixel count before decoding, decoding can fail, and <see cref="ImageWork"/> may have no slot.
    /// </summary>
    private static readonly ErrorCode[] Judged =
    [
        PictureErrors.TooLarge, PictureErrors.Type, PictureErrors.Dimensions, PictureErrors.Unreadable,
        PictureErrors.Busy,
    ];

    /// <summary>The picture body, and what reading it can answer: the host's size limit, then the judging.</summary>
    public static RouteHandlerBuilder AcceptsPicture(this RouteHandlerBuilder route) =>
        route.ProducesErrors(HttpErrors.TooLarge).ProducesErrors(Judged).AddOpenApiOperationTransformer(DescribeBody);

    private static Task DescribeBody(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var content = Images.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = Binary() });
        content["multipart/form-data"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal) { ["file"] = Binary() },
            },
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "JPEG, PNG or WebP, judged by its content whatever it is called.",
            Content = content,
        };
        return Task.CompletedTask;
    }

    /// <summary>A picture as it is answered: re-encoded without metadata, in the type it was given in.</summary>
    public static RouteHandlerBuilder ProducesPicture(this RouteHandlerBuilder route) =>
        route.Produces<Stream>(StatusCodes.Status200OK, Images[0], Images[1..]);

    private static OpenApiSchema Binary() => new() { Type = JsonSchemaType.String, Format = "binary" };
}
