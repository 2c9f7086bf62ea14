// User-assigned identity of the function app: storage (AzureWebJobsStorage and the app's data), Key Vault references,
// deployment package download and Application Insights ingestion all use it. No keys or connection strings.
param name string
param location string = resourceGroup().location
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
