// The one storage account: Functions runtime state (AzureWebJobsStorage), the deployment package container, and the
// app's data. Container and queue names mirror Digest.Core.Storage.Containers. Shared key access is disabled: every
// client authenticates with Entra ID (managed identity in Azure, az login locally).
param name string
param location string = resourceGroup().location
param tags object = {}
param deploymentContainerName string

var dataContainers = [
  'articles'
  'parsed'
  'quarantine'
  'digests'
  'subscribers'
  'templates'
  'state'
]

var queues = [
  'send-batches'
  'send-batches-poison'
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    dnsEndpointType: 'Standard'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }

  resource blobServices 'blobServices' = {
    name: 'default'
    properties: {
      deleteRetentionPolicy: {
        enabled: true
        days: 7
      }
    }

    resource deployment 'containers' = {
      name: deploymentContainerName
    }

    resource data 'containers' = [for container in dataContainers: {
      name: container
      properties: {
        publicAccess: 'None'
      }
    }]
  }

  resource queueServices 'queueServices' = {
    name: 'default'

    resource queue 'queues' = [for queue in queues: {
      name: queue
    }]
  }
}

output name string = storage.name
output id string = storage.id
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
