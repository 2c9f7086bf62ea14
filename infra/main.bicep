// Digest on Azure Functions Flex Consumption (FC1), in the shape of the official azd Flex Consumption samples
// (functions-quickstart-*-azd, functions-quickstart-*-azd-eventgrid-blob), with plain resources instead of registry
// modules. The app is the .NET 10 isolated worker (runtime dotnet-isolated 10.0), published framework-dependent by azd.
// The Event Grid subscription of the ParseArticle blob trigger is created after deploy by the azure.yaml postdeploy
// hook (infra/scripts/subscribe-article-events.sh), once the host has created its blobs_extension key.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; used to derive a unique token for resource names.')
param environmentName string

@minLength(1)
@description('Region for every resource (must offer Flex Consumption).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying user: gets data access to the storage account for uploads. Empty to skip.')
param principalId string = ''

@description('NCrontab schedule (6 fields, seconds first, UTC) of the BuildDigest timer: the DigestSchedule app setting.')
param digestSchedule string = '0 0 6 * * *'

@description('IANA time zone in which the digest day is computed (Digest:TimeZone).')
param digestTimeZone string = 'UTC'

@description('Digest title (Digest:Title).')
param digestTitle string = 'Daily Digest'

@description('Sender address (Digest:FromAddress).')
param digestFromAddress string = 'digest@example.com'

@description('Sender postal address printed in every digest footer (Digest:PostalAddress; required with SendGrid, CAN-SPAM).')
@minLength(1)
param digestPostalAddress string

@secure()
@minLength(32)
@description('HMAC key for unsubscribe links (at least 32 bytes; e.g. openssl rand -base64 32). Stored in Key Vault.')
param unsubscribeSigningKey string

@secure()
@description('SendGrid API key (mail send permission). Stored in Key Vault. Empty: no email provider is configured and the app refuses to start, saying so.')
param sendGridApiKey string = ''

@description('SendGrid Signed Event Webhook public key (Mail Settings, Event Webhook, Signature Verification). Stored in Key Vault. Empty: /api/sendgrid/events accepts nothing.')
param sendGridWebhookPublicKey string = ''

@description('Flex Consumption instance memory (MB).')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Flex Consumption scale-out limit.')
param maximumInstanceCount int = 40

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}functions-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    unsubscribeSigningKey: unsubscribeSigningKey
    sendGridApiKey: sendGridApiKey
    sendGridWebhookPublicKey: sendGridWebhookPublicKey
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
  }
}

module functions 'app/functions.bicep' = {
  name: 'functions'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    keyVaultName: keyVault.outputs.name
    sendGridSecretName: keyVault.outputs.sendGridSecretName
    sendGridConfigured: !empty(sendGridApiKey)
    sendGridWebhookSecretName: keyVault.outputs.sendGridWebhookSecretName
    sendGridWebhookConfigured: !empty(sendGridWebhookPublicKey)
    unsubscribeSecretName: keyVault.outputs.unsubscribeSecretName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    appSettings: {
      DigestSchedule: digestSchedule
      Digest__TimeZone: digestTimeZone
      Digest__Title: digestTitle
      Digest__FromAddress: digestFromAddress
      Digest__PostalAddress: digestPostalAddress
    }
  }
  dependsOn: [
    rbac
  ]
}

module eventGrid 'app/eventgrid.bicep' = {
  name: 'eventgrid'
  scope: rg
  params: {
    systemTopicName: '${abbrs.eventGridSystemTopics}articles-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functions.outputs.name
output SERVICE_FUNCTIONS_NAME string = functions.outputs.name
output SERVICE_FUNCTIONS_URI string = functions.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
output AZURE_ARTICLES_SYSTEM_TOPIC_NAME string = eventGrid.outputs.systemTopicName
output DIGEST_UNSUBSCRIBE_URL string = '${functions.outputs.uri}/api/unsubscribe'
output DIGEST_ARCHIVE_URL string = '${functions.outputs.uri}/digests/index.html'
