// The Flex Consumption plan and the function app: the .NET 10 isolated worker (runtime dotnet-isolated 10.0), deployed
// framework-dependent by azd (`dotnet publish` of src/Digest.Functions) into the deployment blob container.
param name string
param planName string
param location string = resourceGroup().location
param tags object = {}
param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
param identityId string
param identityClientId string
param keyVaultName string
param unsubscribeSecretName string
param sendGridSecretName string
@description('Whether the SendGrid key secret exists. Without it no email provider is configured and the worker refuses to start in Azure (it says which settings to add) rather than fail every send.')
param sendGridConfigured bool = false
param sendGridWebhookSecretName string = 'sendgrid-webhook-public-key'
@description('Whether the SendGrid Signed Event Webhook public key secret exists. Without it /api/sendgrid/events accepts nothing (503).')
param sendGridWebhookConfigured bool = false
param instanceMemoryMB int = 2048
param maximumInstanceCount int = 40
@description('Extra app settings (Digest options, schedule).')
param appSettings object = {}
@description('Flex Consumption runtime version of dotnet-isolated (see az functionapp list-flexconsumption-runtimes).')
param runtimeVersion string = '10.0'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: runtimeVersion
      }
    }
  }
}

var keyVaultReference = '@Microsoft.KeyVault(VaultName=${vault.name};SecretName='
var secretSettings = union(
  {
    Digest__UnsubscribeSigningKey: '${keyVaultReference}${unsubscribeSecretName})'
  },
  // Digest.Email binds Email:SendGrid (SendGridOptions.Section). Without a key nothing is set, and the worker stops at
  // start-up with a message naming these settings (the file outbox cannot work in the read-only app root).
  !sendGridConfigured ? {} : {
    Email__Provider: 'SendGrid'
    Email__SendGrid__ApiKey: '${keyVaultReference}${sendGridSecretName})'
  },
  // The SendGridEvents function verifies SendGrid's Signed Event Webhook with this key (SubscribersOptions).
  !sendGridWebhookConfigured ? {} : {
    Digest__Subscribers__SendGridWebhookPublicKey: '${keyVaultReference}${sendGridWebhookSecretName})'
  }
)

// Flex Consumption takes the worker runtime from functionAppConfig: FUNCTIONS_WORKER_RUNTIME is not an app setting.
resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(appSettings, secretSettings, {
    // Identity-based AzureWebJobsStorage: triggers, timer leases and (through the Digest storage adapter) the app's data.
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
    AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    // The emails' links point here: {base}/api/unsubscribe, {base}/api/subscribe/confirm and the web archive
    // {base}/digests/... (the Unsubscribe, Subscribe and Archive functions, anonymous by their own authLevel, as is
    // SendGridEvents, which checks SendGrid's signature; every other trigger has no HTTP route of its own).
    Digest__PublicBaseUrl: 'https://${functionApp.properties.defaultHostName}'
  })
}

output name string = functionApp.name
output uri string = 'https://${functionApp.properties.defaultHostName}'
output id string = functionApp.id
