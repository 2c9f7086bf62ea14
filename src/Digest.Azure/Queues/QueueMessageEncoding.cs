namespace Digest.Azure.Queues;

/// <summary>How message text is put on the wire (same names as the official client).</summary>
public enum QueueMessageEncoding
{
    /// <summary>The text as is (XML-escaped).</summary>
    None,

    /// <summary>UTF-8 bytes, base64-encoded: what the Azure Functions queue trigger and output binding use.</summary>
    Base64,
}
