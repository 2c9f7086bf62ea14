// Secrets of the app, read by the function app through Key Vault references (@Microsoft.KeyVault(...)) with its
// managed identity. RBAC authorization, soft delete and purge protection on.
param name string
param location string = resourceGroup().location
param tags object = {}

@secure()
param unsubscribeSigningKey string

@secure()
param sendGridApiKey string = ''

@description('SendGrid Signed Event Webhook public key (base64). Not secret, but kept beside the API key so both rotate in one place.')
param sendGridWebhookPublicKey string = ''

var unsubscribeSecretName = 'unsubscribe-signing-key'
var sendGridSecretName = 'sendgrid-api-key'
var sendGridWebhookSecretName = 'sendgrid-webhook-public-key'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource unsubscribeSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: unsubscribeSecretName
  properties: {
    value: unsubscribeSigningKey
    contentType: 'text/plain'
  }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: sendGridSecretName
  properties: {
    value: sendGridApiKey
    contentType: 'text/plain'
  }
}

resource sendGridWebhookSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(sendGridWebhookPublicKey)) {
  parent: vault
  name: sendGridWebhookSecretName
  properties: {
    value: sendGridWebhookPublicKey
    contentType: 'text/plain'
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
output unsubscribeSecretName string = unsubscribeSecretName
// The name only: whether a SendGrid key exists is decided in main.bicep (an output derived from a secure value would
// be flagged by the linter as a possible secret).
output sendGridSecretName string = sendGridSecretName
output sendGridWebhookSecretName string = sendGridWebhookSecretName
