using System.Text;
using Azure;
using Digest.Azure.Blobs;

namespace Digest.Azure.Tests.Blobs;

public sealed class BlobListParserTests
{
    // Written for this test from the documented List Blobs response shape.
    private const string PageWithMarker = """
        <?xml version="1.0" encoding="utf-8"?>
        <EnumerationResults ServiceEndpoint="https://acct.blob.core.windows.net/" ContainerName="parsed">
          <Prefix>2025-09-02/</Prefix>
          <MaxResults>2</MaxResults>
          <Blobs>
            <Blob>
              <Name>2025-09-02/a.json</Name>
              <Properties>
                <Last-Modified>Tue, 02 Sep 2025 06:00:00 GMT</Last-Modified>
                <Etag>0x8DDE9A1B2C3D4E5</Etag>
                <Content-Length>42</Content-Length>
                <Content-Type>application/json</Content-Type>
                <BlobType>BlockBlob</BlobType>
              </Properties>
              <Metadata><source>wire</source><Day>2</Day></Metadata>
            </Blob>
            <Blob>
              <Name Encoded="true">2025-09-02%2Fbell%07.txt</Name>
              <Properties>
                <Last-Modified>Tue, 02 Sep 2025 07:30:15 GMT</Last-Modified>
                <Etag>"0x8DDE9A1B2C3D4E6"</Etag>
                <Content-Length>0</Content-Length>
                <Content-Type />
              </Properties>
            </Blob>
          </Blobs>
          <NextMarker>2!80!MDAwMDE0</NextMarker>
        </EnumerationResults>
        """;

    [Fact]
    public void Parse_PageWithMarker_ReadsItemsAndMarker()
    {
        var page = BlobListParser.Parse(Stream(PageWithMarker));

        Assert.Equal("2!80!MDAwMDE0", page.NextMarker);
        Assert.Equal(2, page.Items.Count);
        var first = page.Items[0];
        Assert.Equal("2025-09-02/a.json", first.Name);
        Assert.Equal(new ETag("0x8DDE9A1B2C3D4E5"), first.Properties.ETag);
        Assert.Equal("\"0x8DDE9A1B2C3D4E5\"", first.Properties.ETag.ToString("H"));
        Assert.Equal(42, first.Properties.ContentLength);
        Assert.Equal("application/json", first.Properties.ContentType);
        Assert.Equal(new DateTimeOffset(2025, 9, 2, 6, 0, 0, TimeSpan.Zero), first.Properties.LastModified);
        Assert.Equal("wire", first.Metadata["source"]);
        Assert.Equal("2", first.Metadata["day"]);
    }

    [Fact]
    public void Parse_EncodedNameAndQuotedETag_AreNormalised()
    {
        var second = BlobListParser.Parse(Stream(PageWithMarker)).Items[1];

        Assert.Equal("2025-09-02/bell\u0007.txt", second.Name);
        Assert.Equal("\"0x8DDE9A1B2C3D4E6\"", second.Properties.ETag.ToString("H"));
        Assert.Null(second.Properties.ContentType);
        Assert.Empty(second.Metadata);
    }

    [Theory]
    [InlineData("<EnumerationResults><Blobs /><NextMarker /></EnumerationResults>")]
    [InlineData("<EnumerationResults />")]
    public void Parse_LastEmptyPage_HasNoItemsAndNoMarker(string xml)
    {
        var page = BlobListParser.Parse(Stream(xml));

        Assert.Empty(page.Items);
        Assert.Null(page.NextMarker);
    }

    [Theory]
    [InlineData("<Error><Code>X</Code></Error>")]
    [InlineData("<EnumerationResults><Blobs><Blob><Name>a</Name></Blob></Blobs></EnumerationResults>")]
    public void Parse_UnexpectedDocument_ThrowsFormatException(string xml)
    {
        Assert.Throws<FormatException>(() => BlobListParser.Parse(Stream(xml)));
    }

    [Fact]
    public void Parse_Dtd_IsRefused()
    {
        const string xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><EnumerationResults><Prefix>&e;</Prefix></EnumerationResults>";

        Assert.Throws<System.Xml.XmlException>(() => BlobListParser.Parse(Stream(xml)));
    }

    private static MemoryStream Stream(string xml) => new(Encoding.UTF8.GetBytes(xml));
}
