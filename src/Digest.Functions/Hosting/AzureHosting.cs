using Microsoft.Extensions.Configuration;

namespace Digest.Functions.Hosting;

/// <summary>
/// Whether the worker runs in Azure, from the settings the platform sets: App Service (and so every Functions plan,
/// Flex Consumption included) sets <c>WEBSITE_SITE_NAME</c> and <c>WEBSITE_INSTANCE_ID</c> on its instances; Core
/// Tools (<c>func start</c>) sets neither, and marks a local run with <c>AZURE_FUNCTIONS_ENVIRONMENT=Development</c>,
/// which wins. <c>FUNCTIONS_WORKER_RUNTIME</c> is no signal: local.settings.json sets it too.
/// </summary>
internal static class AzureHosting
{
    public const string SiteName = "WEBSITE_SITE_NAME";
    public const string InstanceId = "WEBSITE_INSTANCE_ID";
    public const string FunctionsEnvironment = "AZURE_FUNCTIONS_ENVIRONMENT";

    public const string NoEmailProvider =
        "No email provider is configured (Email:Provider is unset, so the file outbox would be used), but this worker runs in Azure, " +
        "where the app root is read-only and every send would fail into send-batches-poison. Set Email__Provider=SendGrid and " +
        "Email__SendGrid__ApiKey (a Key Vault reference; `azd env set SENDGRID_API_KEY ...` then `azd provision`), or Email__Provider=Smtp " +
        "with Email__Smtp__Host. (Azure is detected from WEBSITE_SITE_NAME / WEBSITE_INSTANCE_ID; AZURE_FUNCTIONS_ENVIRONMENT=Development marks a local run.)";

    public static bool IsAzure(IConfiguration configuration)
    {
        if (string.Equals(configuration[FunctionsEnvironment], "Development", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return !string.IsNullOrWhiteSpace(configuration[SiteName]) || !string.IsNullOrWhiteSpace(configuration[InstanceId]);
    }
}
