// Assistant Admin 365 in Azure, after Microsoft's Agents Toolkit bot template (infra/azure.bicep):
// a user-assigned managed identity that is both the bot's identity (UserAssignedMSI) and its
// identity for Microsoft Graph and Azure Storage, a Linux App Service on Node.js 24, a Storage
// account for state and records (reached without a key), Application Insights, and the Azure Bot
// with its Teams channel (botRegistration/azurebot.bicep). No secret is created anywhere.

@maxLength(20)
@minLength(4)
@description('Prefix of every resource name (lower-case letters and digits).')
param resourceBaseName string

@description('App Service plan SKU: B1 is the smallest with Always On; S1 or P0v3 for more users or slots.')
param webAppSku string = 'B1'

@maxLength(42)
@description('The bot\'s name as Teams shows it.')
param botDisplayName string = 'Assistant Admin 365'

@description('Azure region of the resources (the Azure Bot itself is global).')
param location string = resourceGroup().location

@description('Language when a user\'s Teams locale is neither French nor English: fr or en.')
@allowed([ 'fr', 'en' ])
param defaultLocale string = 'fr'

@description('Name of the Azure Bot OAuth connection for Teams SSO (changing one\'s password in chat); empty: the portal steps are explained.')
param oauthConnectionName string = ''

var identityName = resourceBaseName
var serverfarmName = resourceBaseName
var webAppName = resourceBaseName
var storageName = take('${toLower(replace(resourceBaseName, '-', ''))}store', 24)
var stateContainer = 'botstate'

// Built-in roles the bot's identity needs on its own storage account (Microsoft's fixed role ids).
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  location: location
  name: identityName
}

resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = {
  parent: storage
  name: 'default'
}

resource stateContainerResource 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-01-01' = {
  parent: blobService
  name: stateContainer
}

resource blobAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageBlobDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource tableAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageTableDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: resourceBaseName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: resourceBaseName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

// Compute for the bot: Linux, so that the Node.js 24 LTS runtime stack is available.
resource serverfarm 'Microsoft.Web/serverfarms@2021-02-01' = {
  kind: 'linux'
  location: location
  name: serverfarmName
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2021-02-01' = {
  kind: 'app,linux'
  location: location
  name: webAppName
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      appCommandLine: 'node dist/bot/host/main.js'
      alwaysOn: true
      healthCheckPath: '/readyz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      appSettings: [
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'NODE_ENV', value: 'production' }
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'DEFAULT_LOCALE', value: defaultLocale }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: identity.properties.tenantId }
        { name: 'GRAPH_TENANT_ID', value: identity.properties.tenantId }
        { name: 'GRAPH_CLIENT_ID', value: identity.properties.clientId }
        { name: 'STORAGE_ACCOUNT_NAME', value: storage.name }
        { name: 'STORAGE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'STATE_CONTAINER', value: stateContainer }
        { name: 'OAUTH_CONNECTION_NAME', value: oauthConnectionName }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }
      ]
    }
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
}

// Register the web app as a bot with the Bot Framework, and connect it to Teams.
module azureBotRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    resourceBaseName: resourceBaseName
    identityClientId: identity.properties.clientId
    identityResourceId: identity.id
    identityTenantId: identity.properties.tenantId
    botAppDomain: webApp.properties.defaultHostName
    botDisplayName: botDisplayName
  }
}

// Persisted by the Agents Toolkit in env/.env.<environment> (m365agents.yml reads them).
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
output STORAGE_ACCOUNT_NAME string = storage.name
