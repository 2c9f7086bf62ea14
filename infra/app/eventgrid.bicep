// Event Grid drives the ParseArticle blob trigger ("source": "EventGrid", the only blob trigger source on Flex
// Consumption): a system topic on the storage account and a subscription that sends BlobCreated events for the
// articles container to the Functions host's blobs extension webhook, naming the function.
// The webhook's key (blobs_extension) exists only after the app's code is deployed, so the subscription is created
// on a second provision (createSubscription, set by the azure.yaml postdeploy hook), as the official sample does
// with its post-deploy script.
param systemTopicName string
param location string = resourceGroup().location
param tags object = {}
param storageAccountName string
param functionAppName string
param functionName string
param containerName string
param createSubscription bool = false

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2024-06-01-preview' = {
  name: systemTopicName
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2024-06-01-preview' = if (createSubscription) {
  parent: systemTopic
  name: '${toLower(functionName)}-${containerName}'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${listKeys('${functionApp.id}/host/default', '2024-04-01').systemKeys.blobs_extension}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${containerName}/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output systemTopicName string = systemTopic.name
