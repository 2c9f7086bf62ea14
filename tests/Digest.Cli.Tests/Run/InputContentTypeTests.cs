using Digest.Cli.Run;
using Digest.Core.Articles;

namespace Digest.Cli.Tests.Run;

/// <summary>Issue 22: the upload content type of a file comes from the one list of input formats.</summary>
public sealed class InputContentTypeTests
{
    [Theory]
    [InlineData("story.mdown", "text/markdown; charset=utf-8")]
    [InlineData("story.xhtml", "text/html")]
    [InlineData("story.text", "text/plain")]
    [InlineData("STORY.MDOWN", "text/markdown; charset=utf-8")]
    public void ContentTypeOf_ExtensionsTheParserKnew_AreNoLongerOctetStream(string name, string expected) =>
        Assert.Equal(expected, InputFiles.ContentTypeOf(name));

    [Fact]
    public void ContentTypeOf_UnknownExtension_IsOctetStream() =>
        Assert.Equal("application/octet-stream", InputFiles.ContentTypeOf("story.docx"));

    [Fact]
    public void ContentTypeOf_EveryRegisteredExtension_IsItsFormatsUploadType()
    {
        foreach (var format in ArticleFormats.All)
        {
            foreach (var extension in format.Extensions)
            {
                Assert.Equal(format.UploadContentType, InputFiles.ContentTypeOf("story" + extension));
            }
        }
    }
}
