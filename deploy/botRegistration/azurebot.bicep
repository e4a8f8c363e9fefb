// The Azure Bot resource and its Teams channel, after Microsoft's Agents Toolkit template
// (infra/botRegistration/azurebot.bicep): the bot's identity is the user-assigned managed
// identity (UserAssignedMSI), so the Bot Framework needs no app secret.

@maxLength(20)
@minLength(4)
@description('Prefix of every resource name.')
param resourceBaseName string

@maxLength(42)
@description('The bot\'s name as Teams shows it.')
param botDisplayName string

@description('Azure Bot pricing tier: F0 (free) covers the Teams channel.')
param botServiceSku string = 'F0'

@description('Resource id of the user-assigned managed identity that is the bot\'s identity.')
param identityResourceId string

@description('Client id of that identity (the bot\'s MicrosoftAppId).')
param identityClientId string

@description('Tenant of that identity.')
param identityTenantId string

@description('Host name of the web app that serves /api/messages.')
param botAppDomain string

var botServiceName = resourceBaseName

resource botService 'Microsoft.BotService/botServices@2021-03-01' = {
  kind: 'azurebot'
  location: 'global'
  name: botServiceName
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${botAppDomain}/api/messages'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityResourceId
    msaAppTenantId: identityTenantId
    msaAppType: 'UserAssignedMSI'
  }
  sku: {
    name: botServiceSku
  }
}

resource botServiceMsTeamsChannel 'Microsoft.BotService/botServices/channels@2021-03-01' = {
  parent: botService
  location: 'global'
  name: 'MsTeamsChannel'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}
