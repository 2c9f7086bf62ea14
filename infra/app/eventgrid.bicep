// Event Grid drives the ParseArticle blob trigger (source EventGrid, the only blob trigger source on Flex Consumption):
// a system topic on the storage account. Its subscription, which sends BlobCreated events for the articles container to
// the host's blobs extension webhook, is NOT created here: the webhook needs the blobs_extension system key, which the
// host creates only once the code is deployed and the trigger indexed, and a list function (listKeys) inside a
// conditional resource is evaluated even when the condition is false, so the first deployment would fail. As in the
// official eventgrid-blob quickstart, the azure.yaml postdeploy hook (infra/scripts/subscribe-article-events.sh) reads
// the key and creates the subscription on this topic.
param systemTopicName string
param location string = resourceGroup().location
param tags object = {}
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: systemTopicName
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output systemTopicName string = systemTopic.name
