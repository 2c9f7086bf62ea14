#!/bin/sh
# azd postdeploy hook: create (or update) the Event Grid subscription that drives the ParseArticle blob trigger
# (source EventGrid). It runs after the code is deployed because the webhook needs the host's blobs_extension system
# key, which exists only once the host has indexed the blob trigger; that is also why it is not in Bicep (see
# infra/app/eventgrid.bicep). The pattern of the official functions-quickstart-*-azd-eventgrid-blob samples.
# Reads the azd environment (outputs of infra/main.bicep); writes no files. Idempotent: re-running updates the
# subscription in place.
set -eu

: "${RESOURCE_GROUP:?run through azd (azd up / azd deploy): RESOURCE_GROUP is an output of infra/main.bicep}"
: "${AZURE_FUNCTION_APP_NAME:?AZURE_FUNCTION_APP_NAME is an output of infra/main.bicep}"
: "${AZURE_ARTICLES_SYSTEM_TOPIC_NAME:?AZURE_ARTICLES_SYSTEM_TOPIC_NAME is an output of infra/main.bicep}"
command -v az >/dev/null || { echo "subscribe-article-events: the Azure CLI (az) is required" >&2; exit 1; }

function_name=ParseArticle
container=articles

# The key appears a little after the deployment finishes (the host starts and indexes the functions): wait for it.
key=""
attempt=0
while [ -z "$key" ] && [ "$attempt" -lt 30 ]; do
  attempt=$((attempt + 1))
  key=$(az functionapp keys list --name "$AZURE_FUNCTION_APP_NAME" --resource-group "$RESOURCE_GROUP" \
    --query "systemKeys.blobs_extension" --output tsv 2>/dev/null || true)
  [ -n "$key" ] || { echo "waiting for the blobs_extension key of $AZURE_FUNCTION_APP_NAME ($attempt/30)"; sleep 10; }
done
[ -n "$key" ] || { echo "subscribe-article-events: no blobs_extension key on $AZURE_FUNCTION_APP_NAME after 5 minutes; is ParseArticle deployed? Re-run: azd hooks run postdeploy" >&2; exit 1; }

host=$(az functionapp show --name "$AZURE_FUNCTION_APP_NAME" --resource-group "$RESOURCE_GROUP" --query defaultHostName --output tsv)
endpoint="https://$host/runtime/webhooks/blobs?functionName=Host.Functions.$function_name&code=$key"

echo "creating Event Grid subscription parsearticle-$container on $AZURE_ARTICLES_SYSTEM_TOPIC_NAME"
az eventgrid system-topic event-subscription create \
  --name "parsearticle-$container" \
  --resource-group "$RESOURCE_GROUP" \
  --system-topic-name "$AZURE_ARTICLES_SYSTEM_TOPIC_NAME" \
  --endpoint-type webhook \
  --endpoint "$endpoint" \
  --included-event-types Microsoft.Storage.BlobCreated \
  --subject-begins-with "/blobServices/default/containers/$container/" \
  --max-events-per-batch 1 \
  --max-delivery-attempts 30 \
  --event-ttl 1440 \
  --output none
echo "ParseArticle now runs for every upload to $container/"
