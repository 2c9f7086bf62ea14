using Microsoft.AspNetCore.Http;

namespace Digest.Functions.Http;

/// <summary>Reads a small form body (urlencoded or multipart); empty when the body is not a form or too large.</summary>
internal static class FormReader
{
    public const long MaxFormBytes = 16 * 1024;

    public static async Task<IFormCollection> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || request.ContentLength > MaxFormBytes)
        {
            return FormCollection.Empty;
        }

        try
        {
            return await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return FormCollection.Empty;
        }
    }
}
