namespace Digest.Core.Delivery.Subscribers;

/// <summary>Masks an address for display and logs: "jane@example.com" becomes "j***@example.com".</summary>
public static class EmailMask
{
    public static string Mask(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return "***";
        }

        var at = address.LastIndexOf('@');
        if (at <= 0)
        {
            return "***";
        }

        return address[0] + "***" + address[at..];
    }
}
